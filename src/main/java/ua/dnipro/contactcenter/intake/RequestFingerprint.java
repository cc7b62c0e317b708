package ua.dnipro.contactcenter.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same body" for idempotency: the SHA-256 of the normalised
 * complaint (so "067 123 45 67" and "+380671234567" are the same), without its received time.
 */
final class RequestFingerprint {

  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private RequestFingerprint() {
  }

  static String of(NewComplaint complaint) {
    NewComplaint timeless = new NewComplaint(complaint.channel(), complaint.applicant(), complaint.category(),
        complaint.issueType(), complaint.description(), complaint.location(), null);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(timeless));
      return HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint a complaint", e);
    }
  }
}
