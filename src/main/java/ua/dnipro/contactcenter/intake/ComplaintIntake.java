package ua.dnipro.contactcenter.intake;

import ua.dnipro.contactcenter.complaint.IntakeRecords;
import ua.dnipro.contactcenter.operations.OperationsMetrics;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.complaint.IntakeRecords.IntakeRecord;
import ua.dnipro.contactcenter.api.TextLimits;
import ua.dnipro.contactcenter.api.Violations;

/**
 * Accepts complaints from channels exactly once per Idempotency-Key: the same key with the same
 * complaint answers with the complaint filed the first time, the same key with another complaint
 * is refused, and of concurrent requests with one key exactly one files (the others wait on the
 * key's unique index, then answer as repeats).
 */
@Service
class ComplaintIntake {

  private static final Logger LOG = LoggerFactory.getLogger(ComplaintIntake.class);

  private final ComplaintFiling filing;
  private final IntakeRecords records;
  private final ContactCenterProperties properties;
  private final OperationsMetrics metrics;

  ComplaintIntake(ComplaintFiling filing, IntakeRecords records, ContactCenterProperties properties,
      OperationsMetrics metrics) {
    this.filing = filing;
    this.metrics = metrics;
    this.records = records;
    this.properties = properties;
    if (properties.idempotencyKeyRetention().compareTo(java.time.Duration.ofHours(24)) < 0) {
      throw new IllegalStateException("contact-center.idempotency-key-retention must be at least 24 hours");
    }
  }

  /**
   * The outcome: the complaint's number, whether this request repeated an earlier one, and the
   * answer made of it.
   */
  record Accepted<T>(String number, boolean repeated, T answer) {
  }

  Accepted<Void> accept(NewComplaint complaint, String idempotencyKey) {
    return accept(complaint, idempotencyKey, number -> null);
  }

  /**
   * Files the complaint, or finds the earlier filing of the same request, and makes the answer of
   * its number: for a new complaint at the end of the filing's own transaction.
   */
  <T> Accepted<T> accept(NewComplaint complaint, String idempotencyKey, Function<String, T> answer) {
    String hash = RequestFingerprint.of(complaint);
    String key = normaliseKey(idempotencyKey);
    if (key != null) {
      Optional<IntakeRecord> earlier = records.byKey(complaint.channel(), key);
      if (earlier.isPresent()) {
        return repeat(earlier.get(), hash, answer);
      }
    }
    try {
      Accepted<T> filed = filing.file(complaint, key, hash, Instant.now().plus(properties.idempotencyKeyRetention()),
          complaintFiled -> new Accepted<>(complaintFiled.number(), false, answer.apply(complaintFiled.number())));
      metrics.complaintFiled(complaint.channel());
      return filed;
    } catch (DuplicateKeyException concurrentRequestWithTheSameKey) {
      return repeat(records.byKey(complaint.channel(), key).orElseThrow(() -> concurrentRequestWithTheSameKey), hash,
          answer);
    }
  }

  private static <T> Accepted<T> repeat(IntakeRecord earlier, String hash, Function<String, T> answer) {
    if (!earlier.requestHash().equals(hash)) {
      throw Violations.one("Idempotency-Key", "idempotency-key-reused",
          "this key was used for complaint " + earlier.number() + " with a different body; use a new key for a new complaint");
    }
    return new Accepted<>(earlier.number(), true, answer.apply(earlier.number()));
  }

  private static String normaliseKey(String key) {
    if (key == null) {
      return null;
    }
    if (key.isBlank() || key.length() > TextLimits.IDEMPOTENCY_KEY || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw Violations.one("Idempotency-Key", "idempotency-key-format",
          "1 to " + TextLimits.IDEMPOTENCY_KEY + " visible ASCII characters, such as a UUID");
    }
    return key;
  }

  /** Keys are honoured for the configured retention (at least 24 hours), then forgotten. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void forgetExpiredKeys() {
    int forgotten = records.forgetKeysExpiredBy(Instant.now());
    if (forgotten > 0) {
      LOG.info("Forgot {} idempotency keys older than {}", forgotten, properties.idempotencyKeyRetention());
    }
  }
}
