package ua.dnipro.contactcenter.personaldata;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

  @Bean
  PersonalDataReads personalDataReads(org.springframework.jdbc.core.JdbcTemplate jdbc,
      ua.dnipro.contactcenter.config.ContactCenterProperties properties) {
    return new PersonalDataReads(jdbc, properties.personalData().readsLogWindow());
  }

  @Bean
  PersonalDataVariables personalDataVariables(PersonalDataVault vault) {
    return new PersonalDataVariables(vault);
  }
}
