package ua.dnipro.contactcenter.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The application's own pages at short addresses: /dashboard/ and /classifier/. */
@Configuration(proxyBeanMethods = false)
class WebPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    for (String page : new String[] {"dashboard", "classifier"}) {
      registry.addRedirectViewController("/" + page, "/" + page + "/");
      registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
    }
  }
}
