package ua.dnipro.contactcenter.security;

import ua.dnipro.contactcenter.config.Filters;
import ua.dnipro.contactcenter.config.Precedence;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import ua.dnipro.contactcenter.operations.AnswersCounted;
import ua.dnipro.contactcenter.operations.DatabaseOutageAnswer;
import ua.dnipro.contactcenter.operations.DatabaseReachability;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The actuator on a port of its own (MANAGEMENT_SERVER_PORT) is guarded and answers as on the
 * application's port: Spring Boot serves it from a child context, which the application's filters
 * do not reach, so the answers' count, the database's outage answer, the log-in guard and the
 * administrators-only rule are registered there as well. Without this, the metrics would be open
 * to anybody who reaches that port.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementPortAccess {

  @Bean
  FilterRegistrationBean<AnswersCounted> managementPortAnswersCounted(MeterRegistry registry) {
    return Filters.registration(new AnswersCounted(registry),
        "management-port-answers-counted", Precedence.Filter.ANSWERS_COUNTED, "/*");
  }

  @Bean
  FilterRegistrationBean<DatabaseOutageAnswer> managementPortDatabaseOutageAnswer(DatabaseReachability database,
      ObjectMapper json) {
    return Filters.registration(new DatabaseOutageAnswer(database, json),
        "management-port-database-outage-answer", Precedence.Filter.DATABASE_OUTAGE, "/*");
  }

  @Bean
  FilterRegistrationBean<LoginGuard> managementPortLoginGuard(FailedLogins failedLogins, AccountPasswords passwords,
      ObjectMapper json) {
    return Filters.registration(new LoginGuard(failedLogins, passwords, json),
        "management-port-login-guard", Precedence.Filter.LOGIN_GUARD, "/*");
  }

  @Bean
  FilterRegistrationBean<ManagementAccess> managementPortAccess(ProcessEngine processEngine, ObjectMapper json) {
    return Filters.registration(new ManagementAccess(processEngine.getIdentityService(), json),
        "management-port-access", Precedence.Filter.MANAGEMENT_ACCESS, "/*");
  }
}
