package ua.dnipro.contactcenter.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.config.FilterOrder;

/**
 * The security filters' registrations; the order of every filter is {@link FilterOrder}'s.
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
    FilterRegistrationBean<NotReadyYet> registration = new FilterRegistrationBean<>(new NotReadyYet(availability, json));
    registration.setName("not-ready-yet");
    registration.addUrlPatterns(API + "/*", ENGINE_REST + "/*", WEBAPP_API + "/*", "/open311/*");
    registration.setOrder(FilterOrder.NOT_READY);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ManagementAccess> managementAccess(ProcessEngine processEngine, ObjectMapper json) {
    FilterRegistrationBean<ManagementAccess> registration = new FilterRegistrationBean<>(
        new ManagementAccess(processEngine.getIdentityService(), json));
    registration.setName("management-access");
    registration.addUrlPatterns(ACTUATOR, ACTUATOR + "/*");
    registration.setOrder(FilterOrder.MANAGEMENT_ACCESS);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestFirewall> requestFirewall(ObjectMapper json) {
    FilterRegistrationBean<RequestFirewall> registration = new FilterRegistrationBean<>(new RequestFirewall(json));
    registration.setName("request-firewall");
    registration.addUrlPatterns("/*");
    registration.setOrder(FilterOrder.FIREWALL);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders(ContactCenterProperties properties) {
    FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(
        new SecurityHeaders(properties.map().tileUrl()));
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(FilterOrder.SECURITY_HEADERS);
    return registration;
  }

  @Bean
  FilterRegistrationBean<LoginGuard> loginGuard(FailedLogins failedLogins, AccountPasswords passwords, ObjectMapper json) {
    FilterRegistrationBean<LoginGuard> registration = new FilterRegistrationBean<>(
        new LoginGuard(failedLogins, passwords, json));
    registration.setName("login-guard");
    registration.addUrlPatterns(API + "/*", ENGINE_REST + "/*", WEBAPP_API + "/admin/auth/user/*", ACTUATOR, ACTUATOR + "/*");
    registration.setOrder(FilterOrder.LOGIN_GUARD);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineApiGuard> engineApiGuard(ObjectMapper json, EnginePolicy policy,
      ProcessEngine processEngine) {
    FilterRegistrationBean<EngineApiGuard> registration = new FilterRegistrationBean<>(
        new EngineApiGuard(json, policy, processEngine.getIdentityService(), processEngine.getName()));
    registration.setName("engine-api-guard");
    registration.addUrlPatterns(ENGINE_REST + "/*", WEBAPP_API + "/*");
    registration.setOrder(FilterOrder.ENGINE_API_GUARD);
    return registration;
  }
}
