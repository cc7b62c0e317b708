package ua.dnipro.contactcenter.intake;

import org.springframework.stereotype.Component;

/**
 * Filing for channels that speak another protocol than {@code /api/v1} (Open311's GeoReport v2):
 * the same validation, the same idempotency and the same process. A request without a key of its
 * own is keyed by its content: the same complaint sent twice (a client's retry) files once.
 */
@Component
public class ChannelFilings {

  private final ComplaintRequestValidator validator;
  private final ComplaintIntake intake;

  ChannelFilings(ComplaintRequestValidator validator, ComplaintIntake intake) {
    this.validator = validator;
    this.intake = intake;
  }

  /** The complaint's number, and whether an earlier request filed it already. */
  public record Filed(String number, boolean repeated) {
  }

  /**
   * Files the complaint for the channel, or answers the earlier filing of the same request.
   *
   * @throws ua.dnipro.contactcenter.api.InvalidRequestException naming each broken rule by the
   *     field of {@link ComplaintRequest} (such as {@code applicant.firstName})
   */
  public Filed file(ComplaintRequest request, String channel, String idempotencyKey, String keyPrefix) {
    NewComplaint complaint = validator.validate(request, channel);
    String key = idempotencyKey != null ? idempotencyKey : keyPrefix + RequestFingerprint.of(complaint);
    ComplaintIntake.Accepted<Void> accepted = intake.accept(complaint, key);
    return new Filed(accepted.number(), accepted.repeated());
  }
}
