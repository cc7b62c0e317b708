package ua.dnipro.contactcenter.security;

import ua.dnipro.contactcenter.config.Precedence;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua.dnipro.contactcenter.channel.Channels;

/** The channel API under {@code /api/v1} needs credentials on every call. */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication {

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identityService,
      Channels channels, ObjectMapper json) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, channels, json));
    registration.setName("api-authentication");
    registration.addUrlPatterns(SecurityFilters.API + "/*");
    registration.setOrder(Precedence.Filter.API_AUTHENTICATION);
    return registration;
  }
}
