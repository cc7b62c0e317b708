package ua.dnipro.contactcenter.security;

import ua.dnipro.contactcenter.config.Precedence;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} out of the box answers anybody; here every call needs HTTP Basic
 * credentials of a Camunda user (verified by {@link LoginGuard}), and runs as that user, so the
 * engine's authorization checks apply. Only {@code GET /engine-rest/engine} (the list of engine names) stays open, as Camunda's
 * filter has it.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthentication {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns(SecurityFilters.ENGINE_REST + "/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        VerifiedUserAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, SecurityFilters.ENGINE_REST);
    registration.setOrder(Precedence.Filter.ENGINE_REST_AUTHENTICATION);
    return registration;
  }
}
