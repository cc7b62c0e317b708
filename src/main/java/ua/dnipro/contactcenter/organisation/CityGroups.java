package ua.dnipro.contactcenter.organisation;

import org.camunda.bpm.engine.authorization.Groups;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * The contact center's own roles, as Camunda group ids (department groups come from configuration;
 * each department's heads are {@link #headsOf}).
 */
public final class CityGroups {

  /** Re-classify complaints nobody could route and complaints a department returned. */
  public static final String DISPATCHERS = "dispatchers";
  public static final String DISPATCHERS_NAME = "Диспетчери контакт-центру";
  /** On duty around the clock: alerted at once of every emergency, and when nobody takes one. */
  public static final String DUTY_DISPATCHERS = "duty-dispatchers";
  public static final String DUTY_DISPATCHERS_NAME = "Чергові диспетчери";
  /** Machine accounts of SMS or pager adapters: fetch the emergency alerts (external tasks), nothing else. */
  public static final String EMERGENCY_ALERT_ADAPTERS = "emergency-alert-adapters";
  public static final String EMERGENCY_ALERT_ADAPTERS_NAME = "Адаптери аварійних сповіщень (SMS, пейджер)";
  /** Watch overdue work city-wide and the statutory deadline. */
  public static final String CONTROLLERS = "controllers";
  public static final String CONTROLLERS_NAME = "Контролери контакт-центру";
  /** Own the classifier: the routing and SLA decision tables. */
  public static final String ANALYSTS = "analysts";
  public static final String ANALYSTS_NAME = "Аналітики класифікатора";
  /** Camunda's built-in administrators' group. */
  public static final String ADMINS = Groups.CAMUNDA_ADMIN;

  private static final String HEADS_SUFFIX = "-heads";

  private CityGroups() {
  }

  /** The name of whoever holds a complaint: a configured department, or the contact center's dispatchers. */
  public static String holderName(ContactCenterProperties properties, String id) {
    if (id == null) {
      return null;
    }
    if (DISPATCHERS.equals(id)) {
      return DISPATCHERS_NAME;
    }
    ContactCenterProperties.Department department = properties.department(id);
    return department == null ? id : department.name();
  }

  /** The group of a department's head(s), who get its overdue complaints. */
  public static String headsOf(String department) {
    return department + HEADS_SUFFIX;
  }
}
