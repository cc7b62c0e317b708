package ua.dnipro.contactcenter.classifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files of one classifier version, by name: the decision tables ({@code *.dmn}) and the
 * analysts' example cases ({@code *.examples.csv}), as they are kept in {@code decisions/} and in
 * each deployment.
 */
public record ClassifierFiles(Map<String, byte[]> files) {

  public static final String ROUTING_FILE = "ComplaintRouting.dmn";
  public static final String SLA_FILE = "SlaTier.dmn";
  public static final String ROUTING_EXAMPLES = "ComplaintRouting.examples.csv";
  public static final String SLA_EXAMPLES = "SlaTier.examples.csv";

  public ClassifierFiles {
    files = new TreeMap<>(files);
  }

  public Optional<String> text(String name) {
    return Optional.ofNullable(files.get(name)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  public Map<String, byte[]> tables() {
    Map<String, byte[]> tables = new LinkedHashMap<>();
    files.forEach((name, content) -> {
      if (name.endsWith(".dmn")) {
        tables.put(name, content);
      }
    });
    return tables;
  }

  /** A fingerprint of the decision tables (not the examples): equal tables, equal hash. */
  public String tablesHash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> table : new TreeMap<>(tables()).entrySet()) {
        digest.update(table.getKey().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(normalised(table.getValue()));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Line endings do not make a different table (a checkout on Windows, say). */
  private static byte[] normalised(byte[] content) {
    return new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n").strip().getBytes(StandardCharsets.UTF_8);
  }
}
