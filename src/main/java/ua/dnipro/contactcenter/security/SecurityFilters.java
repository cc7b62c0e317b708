package ua.dnipro.contactcenter.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * The order in which every request meets our guards, in one place:
 * <ol>
 *   <li>the answers counted for the operators (operations package, {@value #ANSWERS_COUNTED});</li>
 *   <li>{@link RequestFirewall}: plain paths only (all requests);</li>
 *   <li>{@link SecurityHeaders}: the browser's rules for our own pages and APIs;</li>
 *   <li>{@link NotReadyYet}: 503 until the node is ready ({@value #NOT_READY});</li>
 *   <li>the database's outage answer: 503 at once while the database is away (operations package,
 *       {@value #DATABASE_OUTAGE});</li>
 *   <li>{@link LoginGuard}: every log-in, limited per source address ({@value #LOGIN_GUARD});</li>
 *   <li>{@link EngineRestAuthentication}: who calls {@code /engine-rest} ({@value #ENGINE_REST_AUTHENTICATION});</li>
 *   <li>the classifier's Modeler gate for deployments (classifier package, {@value #MODELER_GATE});</li>
 *   <li>{@link EngineApiGuard}: what may be asked of the engine ({@value #ENGINE_API_GUARD});</li>
 *   <li>{@link ApiAuthentication}: who calls {@code /api/v1} ({@value #API_AUTHENTICATION});</li>
 *   <li>{@link ManagementAccess}: the actuator's health for all, the rest for administrators
 *       ({@value #MANAGEMENT_ACCESS}).</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
public class SecurityFilters {

  public static final int ANSWERS_COUNTED = Ordered.HIGHEST_PRECEDENCE;
  public static final int FIREWALL = Ordered.HIGHEST_PRECEDENCE + 1;
  public static final int NOT_READY = Ordered.HIGHEST_PRECEDENCE + 3;
  public static final int DATABASE_OUTAGE = Ordered.HIGHEST_PRECEDENCE + 4;
  public static final int LOGIN_GUARD = Ordered.HIGHEST_PRECEDENCE + 5;
  public static final int ENGINE_REST_AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 10;
  public static final int MODELER_GATE = Ordered.HIGHEST_PRECEDENCE + 11;
  public static final int ENGINE_API_GUARD = Ordered.HIGHEST_PRECEDENCE + 12;
  public static final int API_AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 20;
  public static final int MANAGEMENT_ACCESS = Ordered.HIGHEST_PRECEDENCE + 21;

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
    registration.setOrder(NOT_READY);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ManagementAccess> managementAccess(ProcessEngine processEngine, ObjectMapper json) {
    FilterRegistrationBean<ManagementAccess> registration = new FilterRegistrationBean<>(
        new ManagementAccess(processEngine.getIdentityService(), json));
    registration.setName("management-access");
    registration.addUrlPatterns(ACTUATOR, ACTUATOR + "/*");
    registration.setOrder(MANAGEMENT_ACCESS);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestFirewall> requestFirewall(ObjectMapper json) {
    FilterRegistrationBean<RequestFirewall> registration = new FilterRegistrationBean<>(new RequestFirewall(json));
    registration.setName("request-firewall");
    registration.addUrlPatterns("/*");
    registration.setOrder(FIREWALL);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders(ContactCenterProperties properties) {
    FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(
        new SecurityHeaders(properties.map().tileUrl()));
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(FIREWALL + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<LoginGuard> loginGuard(FailedLogins failedLogins, AccountPasswords passwords, ObjectMapper json) {
    FilterRegistrationBean<LoginGuard> registration = new FilterRegistrationBean<>(
        new LoginGuard(failedLogins, passwords, json));
    registration.setName("login-guard");
    registration.addUrlPatterns(API + "/*", ENGINE_REST + "/*", WEBAPP_API + "/admin/auth/user/*", ACTUATOR, ACTUATOR + "/*");
    registration.setOrder(LOGIN_GUARD);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineApiGuard> engineApiGuard(ObjectMapper json, EnginePolicy policy,
      ProcessEngine processEngine) {
    FilterRegistrationBean<EngineApiGuard> registration = new FilterRegistrationBean<>(
        new EngineApiGuard(json, policy, processEngine.getIdentityService(), processEngine.getName()));
    registration.setName("engine-api-guard");
    registration.addUrlPatterns(ENGINE_REST + "/*", WEBAPP_API + "/*");
    registration.setOrder(ENGINE_API_GUARD);
    return registration;
  }
}
