package ua.dnipro.contactcenter.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.channel.Channels;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Channel;

/**
 * A channel's credentials sent as a protocol's API key (Open311's {@code api_key}):
 * {@code <account>:<password>}, the same account and password the channel uses with HTTP Basic on
 * {@code /api/v1}, checked the same way (the same failed-login limits per source address).
 */
@Component
public class ApiKeys {

  /** What an account's id may be (the channels' accounts are lower-case words with dots and dashes). */
  private static final java.util.regex.Pattern ACCOUNT = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final FailedLogins failedLogins;
  private final AccountPasswords passwords;
  private final IdentityService identityService;
  private final Channels channels;

  ApiKeys(FailedLogins failedLogins, AccountPasswords passwords, IdentityService identityService, Channels channels) {
    this.failedLogins = failedLogins;
    this.passwords = passwords;
    this.identityService = identityService;
    this.channels = channels;
  }

  /** What an API key proves. */
  public sealed interface Verdict {
    /** A channel's account with its password. */
    record ChannelKey(Channel channel) implements Verdict {
    }

    /** No key, a malformed key, a wrong password, or an account that is no channel. */
    record Refused(String reason) implements Verdict {
    }

    /** Too many failed log-ins from the caller's address: try again after that. */
    record Blocked(Duration retryAfter) implements Verdict {
    }
  }

  public Verdict verify(String apiKey, HttpServletRequest request) {
    if (apiKey == null || apiKey.isBlank()) {
      return new Verdict.Refused("api_key is required: your channel's account and password as <account>:<password>");
    }
    int colon = apiKey.indexOf(':');
    if (colon <= 0 || colon == apiKey.length() - 1) {
      return new Verdict.Refused("api_key is your channel's account and password as <account>:<password>");
    }
    String account = apiKey.substring(0, colon);
    if (!ACCOUNT.matcher(account).matches()) {
      // nothing that could forge a line of the failed log-ins' log, and no account has such a name
      return new Verdict.Refused("invalid api_key");
    }
    String address = ClientAddresses.of(request);
    Optional<Duration> blocked = failedLogins.blockedFor(address);
    if (blocked.isPresent()) {
      return new Verdict.Blocked(blocked.get());
    }
    if (!passwords.check(account, apiKey.substring(colon + 1))) {
      failedLogins.failed(address, account);
      return new Verdict.Refused("invalid api_key");
    }
    List<String> groups = identityService.createGroupQuery().groupMember(account).list().stream().map(Group::getId)
        .toList();
    Optional<Channel> channel = groups.contains(Channels.GROUP) ? channels.ofAccount(account) : Optional.empty();
    return channel.<Verdict>map(Verdict.ChannelKey::new)
        .orElseGet(() -> new Verdict.Refused("the api_key's account is not a channel's: only channels file complaints"));
  }
}
