package ua.dnipro.contactcenter.statistics;

import ua.dnipro.contactcenter.config.Filters;
import ua.dnipro.contactcenter.config.Precedence;
import java.util.concurrent.Executor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import ua.dnipro.contactcenter.config.ContactCenterProperties;


/** The threads a statistics report reads its parts on, side by side. */
@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {

  static final String EXECUTOR = "statisticsExecutor";

  /** Public statistics and map requests, counted per client address. */
  @Bean
  FilterRegistrationBean<PublicRequestLimit> publicRequestLimit(ContactCenterProperties properties, ObjectMapper json) {
    return Filters.registration(new PublicRequestLimit( properties.publicStatistics().requestsPerMinute(), java.time.Clock.systemUTC(), json),
        "public-request-limit", Precedence.Filter.PUBLIC_REQUEST_LIMIT, "/api/v1/statistics", "/api/v1/statistics/*", "/api/v1/map/*", "/open311/*",
        "/api/v1/open-data/*");
  }

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
