package ua.dnipro.contactcenter.classifier;

import ua.dnipro.contactcenter.config.Precedence;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.web.embedded.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** Puts Modeler's deployments through the classifier's gate, right after /engine-rest authenticated the caller. */
@Configuration(proxyBeanMethods = false)
class ClassifierWebConfiguration {

  @Bean
  FilterRegistrationBean<ModelerDeploymentGate> modelerDeploymentGate(IdentityService identityService,
      ClassifierDeployments deployments, RepositoryService repositoryService, ObjectMapper json) {
    FilterRegistrationBean<ModelerDeploymentGate> registration = new FilterRegistrationBean<>(
        new ModelerDeploymentGate(identityService, deployments, repositoryService, json));
    registration.setName("modeler-deployment-gate");
    registration.addUrlPatterns("/engine-rest/deployment/*", "/engine-rest/engine/*");
    // after EngineRestAuthentication, which tells who is calling
    registration.setOrder(Precedence.Filter.MODELER_GATE);
    return registration;
  }

  /** Lets the gate read Modeler's multipart upload before the engine REST servlet would. */
  @Bean
  TomcatContextCustomizer casualMultipartParsing() {
    return context -> context.setAllowCasualMultipartParsing(true);
  }
}
