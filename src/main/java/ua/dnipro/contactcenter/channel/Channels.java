package ua.dnipro.contactcenter.channel;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Channel;

/** The configured channels: who logs in as which channel, and where its notifications wait. */
@Component
public class Channels {

  /** The Camunda group every channel account belongs to. */
  public static final String GROUP = "channels";

  private static final String NOTIFICATION_TOPIC_PREFIX = "citizen-notification-";

  private final ContactCenterProperties properties;

  public Channels(ContactCenterProperties properties) {
    this.properties = properties;
  }

  /** The channel a Camunda user logs in as, if it is a channel account. */
  public Optional<Channel> ofAccount(String userId) {
    return properties.channels().stream().filter(channel -> channel.account().equals(userId)).findFirst();
  }

  public Optional<Channel> ofCode(String code) {
    return properties.channels().stream().filter(channel -> channel.code().equals(code)).findFirst();
  }

  /** The external-task topic a channel's adapter fetches its citizens' notifications from. */
  public static String notificationTopic(String channelCode) {
    return NOTIFICATION_TOPIC_PREFIX + channelCode.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
