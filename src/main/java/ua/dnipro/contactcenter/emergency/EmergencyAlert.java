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
    public static final String CATEGORY_NAME = "categoryName";
    public static final String ISSUE_TYPE_NAME = "issueTypeName";
    public static final String DEPARTMENT = "department";
    public static final String DEPARTMENT_NAME = "departmentName";
    public static final String DISTRICT_NAME = "districtName";
    /** By when an executor must take it. */
    public static final String TAKE_BY = "takeBy";
    /** The complaint's deadline (six hours from receipt). */
    public static final String DUE_AT = "dueAt";
    public static final String OCCURRED_AT = "occurredAt";
    /** Whom to page: the duty dispatchers' group and the department's heads' group. */
    public static final String RECIPIENT_GROUPS = "recipientGroups";

    private Payload() {
    }
  }

  private EmergencyAlert() {
  }
}
