package ua.dnipro.contactcenter.security;

import ua.dnipro.contactcenter.config.Filters;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.config.Precedence;

/**
 * The security filters' registrations; the order of every filter is {@link Precedence.Filter}'s.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityFilters {


  static final String ENGINE_REST = "/engine-rest";
  static final String API = "/api/v1";
  static final String WEBAPP_API = "/camunda/api";
  static final String ACTUATOR = "/actuator";

  @Bean
  FilterRegistrationBean<NotReadyYet> notReadyYet(org.springframework.boot.availability.ApplicationAvailability availability,
      ObjectMapper json) {
    return Filters.registration(new NotReadyYet(availability, json),
        "not-ready-yet", Precedence.Filter.NOT_READY, API + "/*", ENGINE_REST + "/*", WEBAPP_API + "/*", "/open311/*");
  }

  @Bean
  FilterRegistrationBean<ManagementAccess> managementAccess(ProcessEngine processEngine, ObjectMapper json) {
    return Filters.registration(new ManagementAccess(processEngine.getIdentityService(), json),
        "management-access", Precedence.Filter.MANAGEMENT_ACCESS, ACTUATOR, ACTUATOR + "/*");
  }

  @Bean
  FilterRegistrationBean<RequestFirewall> requestFirewall(ObjectMapper json) {
    return Filters.registration(new RequestFirewall(json),
        "request-firewall", Precedence.Filter.FIREWALL, "/*");
  }

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders(ContactCenterProperties properties) {
    return Filters.registration(new SecurityHeaders(properties.map().tileUrl()),
        "security-headers", Precedence.Filter.SECURITY_HEADERS, "/*");
  }

  @Bean
  FilterRegistrationBean<LoginGuard> loginGuard(FailedLogins failedLogins, AccountPasswords passwords, ObjectMapper json) {
    return Filters.registration(new LoginGuard(failedLogins, passwords, json),
        "login-guard", Precedence.Filter.LOGIN_GUARD, API + "/*", ENGINE_REST + "/*", WEBAPP_API + "/admin/auth/user/*", ACTUATOR, ACTUATOR + "/*");
  }

  @Bean
  FilterRegistrationBean<EngineApiGuard> engineApiGuard(ObjectMapper json, EnginePolicy policy,
      ProcessEngine processEngine) {
    return Filters.registration(new EngineApiGuard(json, policy, processEngine.getIdentityService(), processEngine.getName()),
        "engine-api-guard", Precedence.Filter.ENGINE_API_GUARD, ENGINE_REST + "/*", WEBAPP_API + "/*");
  }
}
