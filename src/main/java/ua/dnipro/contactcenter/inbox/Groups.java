package ua.dnipro.contactcenter.inbox;

/** The contact center's own roles, as Camunda group ids (department groups come from configuration). */
public final class Groups {

  /** Re-classify complaints nobody could route and complaints a department returned. */
  public static final String DISPATCHERS = "dispatchers";
  public static final String DISPATCHERS_NAME = "Диспетчери контакт-центру";
  /** Watch overdue work city-wide and the statutory deadline. */
  public static final String CONTROLLERS = "controllers";
  public static final String CONTROLLERS_NAME = "Контролери контакт-центру";
  /** Own the classifier: the routing and SLA decision tables. */
  public static final String ANALYSTS = "analysts";
  public static final String ANALYSTS_NAME = "Аналітики класифікатора";
  /** Camunda's built-in administrators' group. */
  public static final String ADMINS = "camunda-admin";

  private static final String HEADS_SUFFIX = "-heads";

  private Groups() {
  }

  /** The group of a department's head(s), who get its overdue complaints. */
  public static String headsOf(String department) {
    return department + HEADS_SUFFIX;
  }
}
