package ua.dnipro.contactcenter.personaldata;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

  @Bean
  PersonalDataVariables personalDataVariables(PersonalDataVault vault) {
    return new PersonalDataVariables(vault);
  }
}
