package ua.dnipro.contactcenter.channel;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Channel;
import ua.dnipro.contactcenter.config.DevelopmentDefaults;

/**
 * The channels' API accounts: the {@code channels} group at every start, and each channel's
 * account where its password is configured (set again from the configuration at every start).
 * A channel without a password keeps whatever account the administrator gave it, except on a
 * developer's machine, where it gets the development password.
 *
 * <p>Channel accounts get no rights in the engine at all: they file and follow complaints through
 * the channel API, and are granted access to each of their citizens' notifications one by one.
 */
@Component
@Order(30)
class ChannelAccounts implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelAccounts.class);

  private final ContactCenterProperties properties;
  private final IdentityService identityService;
  private final String developmentPassword;

  ChannelAccounts(ContactCenterProperties properties, IdentityService identityService,
      @Value("${contact-center.admin.development-fallback:false}") boolean developmentFallback) {
    this.properties = properties;
    this.identityService = identityService;
    this.developmentPassword = developmentFallback ? DevelopmentDefaults.PASSWORD : null;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identityService.createGroupQuery().groupId(Channels.GROUP).count() == 0) {
      Group group = identityService.newGroup(Channels.GROUP);
      group.setName("Канали звернень");
      group.setType("SYSTEM");
      identityService.saveGroup(group);
    }
    for (Channel channel : properties.channels()) {
      String password = channel.password() == null || channel.password().isBlank() ? developmentPassword : channel.password();
      User account = identityService.createUserQuery().userId(channel.account()).singleResult();
      if (password == null) {
        if (account == null) {
          LOG.warn("Channel {} has no account: create user '{}' in the group '{}', or set its password",
              channel.code(), channel.account(), Channels.GROUP);
        }
        continue;
      }
      if (account == null) {
        account = identityService.newUser(channel.account());
        account.setFirstName(channel.name());
        account.setLastName("(канал)");
        account.setPassword(password);
        identityService.saveUser(account);
        LOG.info("Created account {} for channel {}", channel.account(), channel.code());
      } else {
        // set, not compared: a comparison that fails counts as a failed login and locks the account
        account.setPassword(password);
        identityService.saveUser(account);
      }
      if (identityService.createUserQuery().userId(channel.account()).memberOfGroup(Channels.GROUP).count() == 0) {
        identityService.createMembership(channel.account(), Channels.GROUP);
      }
    }
  }
}
