package ua.dnipro.contactcenter.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A client's address in one spelling, so that per-address limits cannot be dodged by writing the
 * same address differently ({@code 198.51.100.099}, {@code ::ffff:198.51.100.99}). Behind a reverse
 * proxy the address is the one the proxy passed on (see server.forward-headers-strategy).
 */
public final class ClientAddresses {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private ClientAddresses() {
  }

  public static String of(HttpServletRequest request) {
    return normalise(request.getRemoteAddr());
  }

  static String normalise(String address) {
    if (address == null) {
      return "";
    }
    String trimmed = address.trim();
    if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
      trimmed = trimmed.substring(1, trimmed.length() - 1);
    }
    if (IPV4.matcher(trimmed).matches()) {
      String[] parts = trimmed.split("\\.");
      StringBuilder canonical = new StringBuilder();
      for (String part : parts) {
        int value = Integer.parseInt(part);
        if (value > 255) {
          return trimmed;
        }
        canonical.append(canonical.length() == 0 ? "" : ".").append(value);
      }
      return canonical.toString();
    }
    if (trimmed.contains(":") && IPV6.matcher(trimmed).matches()) {
      try {
        // a literal, so no name is looked up
        InetAddress parsed = InetAddress.getByName(trimmed);
        if (parsed instanceof Inet4Address) {
          return parsed.getHostAddress();
        }
        // one IPv6 network (/64) is one client: a host has many addresses in it
        byte[] bytes = parsed.getAddress();
        StringBuilder network = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
          network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return network.append(":/64").toString();
      } catch (UnknownHostException notAnAddress) {
        return trimmed;
      }
    }
    return trimmed;
  }
}
