package ua.dnipro.contactcenter.complaint;

/**
 * Ids of the complaint process and its elements, and the names of its variables: the one place
 * where Java code and tests meet {@code processes/ComplaintProcess.bpmn}.
 */
public final class ComplaintProcess {

  public static final String KEY = "ComplaintProcess";

  private ComplaintProcess() {
  }

  /** Element ids, as they stand in the BPMN file. */
  public static final class Elements {
    public static final String START_COMPLAINT_RECEIVED = "StartEvent_ComplaintReceived";
    public static final String TASK_REGISTER = "Task_RegisterComplaint";
    public static final String TASK_DECIDE_REPEATED_APPEAL = "Task_DecideRepeatedAppeal";
    public static final String END_LEFT_UNCONSIDERED = "EndEvent_LeftUnconsidered";
    public static final String BOUNDARY_REPEAT_DECISION_OVERDUE = "BoundaryEvent_RepeatDecisionOverdue";
    public static final String END_REPEAT_DECISION_OVERDUE_RECORDED = "EndEvent_RepeatDecisionOverdueRecorded";
    public static final String SUBPROCESS_HANDLE_COMPLAINT = "SubProcess_HandleComplaint";
    public static final String GATEWAY_AWAIT_REOPENING = "Gateway_AwaitReopening";
    public static final String CATCH_COMPLAINT_REOPENED = "CatchEvent_ComplaintReopened";
    public static final String TASK_RECORD_REOPENING = "Task_RecordReopening";
    public static final String TASK_CHECK_REWORK_LIMIT = "Task_CheckReworkLimit";
    public static final String TASK_REVIEW_REWORK = "Task_ReviewRework";
    public static final String END_REOPENING_REFUSED = "EndEvent_ReopeningRefused";
    public static final String CATCH_RESOLUTION_CONFIRMED = "CatchEvent_ResolutionConfirmed";
    public static final String END_COMPLAINT_CONFIRMED = "EndEvent_ComplaintConfirmed";
    public static final String CATCH_REOPENING_WINDOW_CLOSED = "CatchEvent_ReopeningWindowClosed";
    public static final String END_COMPLAINT_CLOSED = "EndEvent_ComplaintClosed";
    public static final String TASK_CLASSIFY = "Task_ClassifyComplaint";
    public static final String TASK_DETERMINE_SLA_TERMS = "Task_DetermineSlaTerms";
    public static final String BOUNDARY_SLA_TERMS_MISSING = "BoundaryEvent_SlaTermsMissing";
    public static final String TASK_HAND_OVER_TO_DEPARTMENT = "Task_HandOverToDepartment";
    public static final String SUBPROCESS_DEPARTMENT_WORK = "SubProcess_DepartmentWork";
    /** The department's work: calls the department's copy of processes/DepartmentWork.bpmn. */
    public static final String CALL_RESOLVE_IN_DEPARTMENT = "CallActivity_ResolveInDepartment";
    /** Always to the department; an emergency also alerts the duty dispatchers and the heads. */
    public static final String GATEWAY_EMERGENCY = "Gateway_Emergency";
    /** The watch over an emergency: calls the department's copy of processes/EmergencyWatch.bpmn. */
    public static final String CALL_WATCH_EMERGENCY = "CallActivity_WatchEmergency";
    public static final String END_EMERGENCY_WATCHED = "EndEvent_EmergencyWatched";
    public static final String GATEWAY_TO_MERGE = "Gateway_ToMerge";
    public static final String TASK_MERGE_INTO_PARENT = "Task_MergeIntoParent";
    public static final String GATEWAY_AWAIT_PARENT = "Gateway_AwaitParent";
    public static final String CATCH_PARENT_RESOLVED = "CatchEvent_ParentResolved";
    public static final String TASK_FOLLOW_PARENT_RESOLUTION = "Task_FollowParentResolution";
    public static final String END_DEFECT_RESOLVED = "EndEvent_DefectResolved";
    public static final String CATCH_MERGE_UNDONE = "CatchEvent_MergeUndone";
    public static final String TASK_RECORD_UNMERGE = "Task_RecordUnmerge";
    public static final String GATEWAY_MORE_TIME_ASKED = "Gateway_MoreTimeAsked";
    public static final String TASK_DECIDE_EXTENSION = "Task_DecideExtension";
    public static final String TASK_APPLY_EXTENSION_DECISION = "Task_ApplyExtensionDecision";
    public static final String BOUNDARY_SLA_BREACHED = "BoundaryEvent_SlaBreached";
    public static final String TASK_REVIEW_OVERDUE = "Task_ReviewOverdueComplaint";
    public static final String BOUNDARY_OVERDUE_ESCALATION_DUE = "BoundaryEvent_OverdueEscalationDue";
    public static final String TASK_SUPERVISE_OVERDUE = "Task_SuperviseOverdueComplaint";
    public static final String GATEWAY_COMPETENCE_CONFIRMED = "Gateway_CompetenceConfirmed";
    public static final String TASK_RECORD_RETURN = "Task_RecordReturn";
    public static final String TASK_HAND_OVER_TO_DISPATCHERS = "Task_HandOverToDispatchers";
    public static final String SUBPROCESS_RECLASSIFICATION = "SubProcess_Reclassification";
    public static final String TASK_RECLASSIFY = "Task_ReclassifyComplaint";
    public static final String GATEWAY_DISPATCH_DECISION = "Gateway_DispatchDecision";
    public static final String BOUNDARY_COMPLAINT_FORWARDED = "BoundaryEvent_ComplaintForwarded";
    public static final String END_COMPLAINT_FORWARDED = "EndEvent_ComplaintForwarded";
    public static final String BOUNDARY_RECLASSIFICATION_OVERDUE = "BoundaryEvent_ReclassificationOverdue";
    public static final String TASK_SUPERVISE_RECLASSIFICATION = "Task_SuperviseReclassification";
    public static final String START_STATUTORY_DEADLINE_PASSED = "StartEvent_StatutoryDeadlinePassed";
    public static final String TASK_ENFORCE_STATUTORY_DEADLINE = "Task_EnforceStatutoryDeadline";
    public static final String CATCH_STATUTORY_LIMIT_REACHED = "CatchEvent_StatutoryLimitReached";
    public static final String TASK_MARK_STATUTORY_LIMIT_PASSED = "Task_MarkStatutoryLimitPassed";
    public static final String TASK_HANDLE_STATUTORY_VIOLATION = "Task_HandleStatutoryViolation";
    public static final String END_COMPLAINT_DECIDED = "EndEvent_ComplaintDecided";

    private Elements() {
    }
  }

  /** The message a citizen's re-opening is correlated with. */
  public static final String MESSAGE_COMPLAINT_REOPENED = "ComplaintReopened";

  /** The message a citizen's confirmation of the resolution is correlated with. */
  public static final String MESSAGE_RESOLUTION_CONFIRMED = "ResolutionConfirmed";

  /** The message a merged duplicate waits for: the complaint it is merged into was resolved. */
  public static final String MESSAGE_DEFECT_RESOLVED = "DefectResolved";

  /** The message that undoes a merge (a dispatcher's decision). */
  public static final String MESSAGE_MERGE_UNDONE = "MergeUndone";

  /** Process variable names. */
  public static final class Variables {
    // what the channel filed: what the process routes on; the rest is transient, used while the
    // complaint is registered (the applicant and their words are in the personal-data vault)
    /** Written by earlier releases only: the number is the process's business key (ComplaintScope.numberOf). */
    public static final String COMPLAINT_NUMBER = "complaintNumber";
    /** The earlier complaint a repeated appeal repeats (only on repeated appeals). */
    public static final String REPEAT_OF = "repeatOf";
    /** Transient: the heads who decide on a repeated appeal (of the department that resolved the earlier one). */
    public static final String REPEAT_DECIDED_BY = "repeatDecidedBy";
    public static final String CATEGORY = "category";
    public static final String ISSUE_TYPE = "issueType";
    public static final String CHANNEL = "channel";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String DISTRICT = "district";
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";

    // what Tasklist shows, in Ukrainian (no history: the application's records hold the facts)
    public static final String CHANNEL_NAME = "channelName";
    public static final String DISTRICT_NAME = "districtName";
    public static final String DEPARTMENT_NAME = "departmentName";
    public static final String RETURNED_BY_DEPARTMENT_NAME = "returnedByDepartmentName";
    public static final String RECEIVED_AT_TEXT = "receivedAtText";
    public static final String SLA_DEADLINE_TEXT = "slaDeadlineText";
    public static final String STATUTORY_DEADLINE_TEXT = "statutoryDeadlineText";
    public static final String DUE_AT_TEXT = "dueAtText";

    // which versions of the classifier's tables decided it (the latest when the complaint got there)
    public static final String ROUTING_DECISION_VERSION = "routingDecisionVersion";
    public static final String SLA_DECISION_VERSION = "slaDecisionVersion";

    // what the classifier decided (names as the DMN outputs are mapped in the BPMN)
    public static final String RECEIVED_MONTH = "receivedMonth";
    public static final String DEPARTMENT = "department";
    public static final String SLA_TIER = "slaTier";
    public static final String CATEGORY_NAME = "categoryName";
    public static final String ISSUE_TYPE_NAME = "issueTypeName";
    public static final String SLA_DURATION = "slaDuration";
    public static final String TASK_PRIORITY = "taskPriority";
    public static final String SECOND_ESCALATION_AFTER = "secondEscalationAfter";
    public static final String REMINDER_BEFORE = "reminderBefore";

    // deadlines
    public static final String SLA_DEADLINE = "slaDeadline";
    public static final String SLA_REMINDER_AT = "slaReminderAt";
    public static final String SECOND_ESCALATION_DEADLINE = "secondEscalationDeadline";
    public static final String STATUTORY_DEADLINE = "statutoryDeadline";
    /** Forty-five days from receipt; set on the statutory escalation's scope when the term passes. */
    public static final String STATUTORY_LIMIT = "statutoryLimit";
    public static final String RECLASSIFICATION_DEADLINE = "reclassificationDeadline";
    public static final String REOPENING_WINDOW_END = "reopeningWindowEnd";

    // how the process goes on (the complaint's state and history are the application's records:
    // ComplaintState, written through StatusHistory)
    public static final String ROUTING_COUNT = "routingCount";
    public static final String RETURNED_BY_DEPARTMENT = "returnedByDepartment";
    /**
     * Transient: this escalation was made already for the department's current work (the timers
     * start again when the executors get the complaint back after a head's decision on more time).
     */
    public static final String ALREADY_ESCALATED = "alreadyEscalated";
    /** Transient: this re-opening is one more than the rework limit allows. */
    public static final String REWORK_LIMIT_REACHED = "reworkLimitReached";
    /** Transient, with the confirmation: the citizen's rating, 1 to 5 (kept in the complaint's state). */
    public static final String RATING = "rating";

    // what people decided in their tasks
    public static final String OUTCOME = "outcome";
    public static final String RESOLUTION = "resolution";
    public static final String RETURN_REASON = "returnReason";
    public static final String REOPENING_REASON = "reopeningReason";
    public static final String CLASSIFICATION = "classification";
    /** The dispatchers' decision: RECLASSIFY (or none) or FORWARD outside the city's competence. */
    public static final String DISPATCH_DECISION = "dispatchDecision";
    /** Where to: a configured authority's code, or OTHER with the body's name written by hand. */
    public static final String FORWARD_TO = "forwardTo";
    public static final String FORWARD_TO_OTHER = "forwardToOther";
    public static final String ESCALATION_NOTE = "escalationNote";
    /** The complaint a duplicate is merged into (its parent), chosen by the executor or the dispatcher. */
    public static final String DUPLICATE_OF = "duplicateOf";
    public static final String CONTROL_NOTE = "controlNote";
    /** What the duty dispatchers or the heads did about an emergency. */
    public static final String EMERGENCY_NOTE = "emergencyNote";
    /** By when an executor must have taken an emergency (contact-center.emergency.claim-period after it arrived). */
    public static final String EMERGENCY_TAKE_BY = "emergencyTakeBy";
    /** Transient: an executor holds the emergency's task, or the department already acted on it. */
    public static final String EMERGENCY_TAKEN = "emergencyTaken";
    /** The head's decision on a repeated appeal: CONSIDER or LEAVE_UNCONSIDERED, and why. */
    public static final String REPEAT_DECISION = "repeatDecision";
    public static final String REPEAT_REASON = "repeatReason";
    /** An executor's request for more time: the last day asked for (YYYY-MM-DD) and why. */
    public static final String EXTENSION_UNTIL = "extensionUntil";
    public static final String EXTENSION_REASON = "extensionReason";
    /** The head's decision on it: APPROVED or DECLINED, and what they add. */
    public static final String EXTENSION_DECISION = "extensionDecision";
    public static final String EXTENSION_NOTE = "extensionNote";
    /** The controllers' decision on a re-opening beyond the rework limit: HANDLE_AGAIN or CLOSE. */
    public static final String REWORK_DECISION = "reworkDecision";
    /** The citizen's comment with their confirmation (a free text: forgotten with the personal data). */
    public static final String RATING_COMMENT = "ratingComment";

    private Variables() {
    }
  }
}
