package ua.dnipro.contactcenter.operations;

import ua.dnipro.contactcenter.config.Filters;
import ua.dnipro.contactcenter.config.Precedence;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** The operators' filters: answers counted ({@link AnswersCounted}), honest answers while the database is away ({@link DatabaseOutageAnswer}). */
@Configuration(proxyBeanMethods = false)
class OperationsFilters {

  @Bean
  static DatabaseReachability databaseReachability() {
    return new DatabaseReachability();
  }

  @Bean
  FilterRegistrationBean<AnswersCounted> answersCounted(MeterRegistry registry) {
    return Filters.registration(new AnswersCounted(registry),
        "answers-counted", Precedence.Filter.ANSWERS_COUNTED, "/*");
  }

  @Bean
  FilterRegistrationBean<DatabaseOutageAnswer> databaseOutageAnswer(DatabaseReachability database, ObjectMapper json) {
    FilterRegistrationBean<DatabaseOutageAnswer> registration = new FilterRegistrationBean<>(
        new DatabaseOutageAnswer(database, json));
    registration.setName("database-outage-answer");
    // every door that needs the database, log-ins included; not the health probes, which answer for
    // themselves (liveness without the database, readiness DOWN with it)
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/open311/*", "/actuator/*");
    registration.setOrder(Precedence.Filter.DATABASE_OUTAGE);
    return registration;
  }
}
