package ua.dnipro.contactcenter.api;

import java.util.List;
import java.util.Optional;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Channel;

/**
 * Who is calling the channel API, as the authentication filter established it: a Camunda user,
 * their groups, and the channel they are the account of (none for staff).
 */
public record ApiCaller(String userId, List<String> groups, Optional<Channel> channel) {

  /** The request attribute the caller is kept in. */
  public static final String ATTRIBUTE = "contact-center.api-caller";

  /** The caller's channel, or 403 for anybody who is not a channel account. */
  public Channel requireChannel() {
    return channel.orElseThrow(() -> ApiException.forbidden(
        "only channel accounts (group 'channels') file and follow complaints; '" + userId + "' is not one"));
  }
}
