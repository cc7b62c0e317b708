package ua.dnipro.contactcenter.statistics;

import java.util.concurrent.Executor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads a statistics report reads its parts on, side by side. */
@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {

  static final String EXECUTOR = "statisticsExecutor";

  @Bean(EXECUTOR)
  Executor statisticsExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("statistics-");
    executor.setCorePoolSize(4);
    executor.setMaxPoolSize(4);
    // beyond this many waiting parts, the request's own thread reads its part (no request is lost)
    executor.setQueueCapacity(64);
    executor.setRejectedExecutionHandler(new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());
    executor.initialize();
    return executor;
  }
}
