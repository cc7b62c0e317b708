package ua.dnipro.contactcenter.config;

/**
 * The password of the accounts a developer's machine gets when none is configured (the
 * administrator and the channels). Never used where {@code contact-center.admin.development-fallback}
 * is off, as it is in the production profile. Meets Camunda's password policy, as every password must.
 */
public final class DevelopmentDefaults {

  public static final String PASSWORD = "Dnipro-dev-2026";

  private DevelopmentDefaults() {
  }
}
