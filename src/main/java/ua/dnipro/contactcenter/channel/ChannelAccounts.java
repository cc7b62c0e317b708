package ua.dnipro.contactcenter.channel;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Channel;
import ua.dnipro.contactcenter.config.DevelopmentDefaults;
import ua.dnipro.contactcenter.organisation.Provisioning;
import ua.dnipro.contactcenter.config.Precedence;

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
@Order(Precedence.StartUp.CHANNEL_ACCOUNTS)
class ChannelAccounts implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelAccounts.class);

  private final ContactCenterProperties properties;
  private final Provisioning provisioning;
  private final String developmentPassword;

  ChannelAccounts(ContactCenterProperties properties, IdentityService identityService,
      AuthorizationService authorizationService) {
    this.properties = properties;
    this.provisioning = new Provisioning(identityService, authorizationService);
    this.developmentPassword = properties.admin().developmentFallback() ? DevelopmentDefaults.PASSWORD : null;
  }

  @Override
  public void run(ApplicationArguments args) {
    provisioning.group(Channels.GROUP, "Канали звернень", Groups.GROUP_TYPE_SYSTEM);
    for (Channel channel : properties.channels()) {
      String password = channel.password() == null || channel.password().isBlank() ? developmentPassword : channel.password();
      if (password == null) {
        if (!provisioning.accountExists(channel.account())) {
          LOG.warn("Channel {} has no account: create user '{}' in the group '{}', or set its password",
              channel.code(), channel.account(), Channels.GROUP);
        }
        continue;
      }
      if (provisioning.account(channel.account(), channel.name(), "(канал)", password)) {
        LOG.info("Created account {} for channel {}", channel.account(), channel.code());
      }
      provisioning.member(channel.account(), Channels.GROUP);
    }
  }
}
