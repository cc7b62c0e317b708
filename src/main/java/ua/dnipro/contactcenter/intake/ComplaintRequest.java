package ua.dnipro.contactcenter.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import ua.dnipro.contactcenter.api.TextLimits;

/**
 * A complaint as a channel posts it. The channel itself is not part of it: it comes from the
 * credentials. Fields not listed here are refused, so nothing internal can be set from outside.
 */
@Schema(name = "NewComplaint")
public record ComplaintRequest(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Applicant applicant,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "WATER",
        description = "category code from GET /api/v1/categories") String category,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "NO_WATER",
        description = "issue type code of the category, from GET /api/v1/categories") String issueType,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextLimits.DESCRIPTION,
        example = "З учорашнього вечора немає холодної води у всьому під'їзді") String description,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Location location) {

  /** The citizen who signs the appeal (Law "On Citizens' Appeals": unsigned appeals are not processed). */
  @Schema(name = "Applicant")
  public record Applicant(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextLimits.NAME, example = "Олена") String firstName,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextLimits.NAME, example = "Коваленко") String lastName,
      @Schema(maxLength = TextLimits.NAME, example = "Петрівна") String patronymic,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "+380671234567",
          description = "a Ukrainian number; stored as +380XXXXXXXXX") String phone,
      @Schema(maxLength = TextLimits.EMAIL, example = "olena@example.com") String email,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextLimits.ADDRESS,
          example = "вул. Робоча, 1, кв. 5") String address) {
  }

  /** Where the problem is. */
  @Schema(name = "Location")
  public record Location(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextLimits.ADDRESS, example = "вул. Робоча, 1") String address,
      @Schema(example = "CHECHELIVSKYI", description = "district code; see docs/operations.md, contact-center.districts") String district,
      @Schema(example = "48.4593", description = "latitude in degrees (WGS 84), with lon") Double lat,
      @Schema(example = "35.0183", description = "longitude in degrees (WGS 84), with lat") Double lon) {
  }
}
