package ua.dnipro.contactcenter.emergency;

/** Ids and variable names of processes/EmergencyAlert.bpmn. */
public final class EmergencyAlert {

  public static final String KEY = "EmergencyAlert";
  public static final String TASK_PAGE = "Task_PageDutyStaff";
  /** The external-task topic SMS or pager adapters fetch the alerts from. */
  public static final String TOPIC = "emergency-alert";

  /**
   * What an adapter gets with each alert (variables of the instance): where to send the crew and by
   * when, never who complained or what they wrote.
   */
  public static final class Payload {
    public static final String COMPLAINT_NUMBER = "complaintNumber";
    /** EMERGENCY_ALERTED (it arrived) or EMERGENCY_NOT_TAKEN (nobody took it in time). */
    public static final String EVENT = "event";
    /**
     * The text to send, in Ukrainian: what, where (district), which department, by when it must be
     * taken and done, e.g. "Аварія 2026-000123 · Водопостачання та водовідведення: Порив труби ·
     * Шевченківський район · КП «Дніпроводоканал». Взяти в роботу до 14:30, виконати до 20:00."
     */
    public static final String MESSAGE = "message";
    /** By when an executor must take it. */
    public static final String TAKE_BY = "takeBy";
    /** Whom to page: the duty dispatchers' group and the department's heads' group. */
    public static final String RECIPIENT_GROUPS = "recipientGroups";

    private Payload() {
    }
  }

  private EmergencyAlert() {
  }
}
