package ua.dnipro.contactcenter.complaint;

/** Ids and variable names of processes/CitizenNotification.bpmn. */
public final class CitizenNotification {

  public static final String KEY = "CitizenNotification";
  public static final String TASK_DELIVER = "Task_DeliverNotification";

  /** What a channel adapter gets with each notification (variables of the instance). */
  public static final class Payload {
    public static final String NOTIFICATION_TOPIC = "notificationTopic";
    public static final String COMPLAINT_NUMBER = "complaintNumber";
    public static final String CHANNEL = "channel";
    public static final String EVENT = "event";
    public static final String STATUS = "status";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String DEPARTMENT = "department";
    public static final String DEPARTMENT_NAME = "departmentName";
    public static final String DUE_AT = "dueAt";
    public static final String RESOLUTION = "resolution";
    /** The body outside the city's competence that has the complaint now. */
    public static final String FORWARDED_TO = "forwardedTo";
    public static final String RECIPIENT_PHONE = "recipientPhone";
    /** The complaint that reports the same defect, which this one was merged into. */
    public static final String MERGED_INTO = "mergedInto";

    private Payload() {
    }
  }

  private CitizenNotification() {
  }
}
