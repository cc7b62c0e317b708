package ua.dnipro.contactcenter.inbox;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.personaldata.PersonalDataField;
import ua.dnipro.contactcenter.personaldata.PersonalDataReference;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.routing.CheckReclassification;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;

/**
 * Prepares what Tasklist shows of a complaint. The list's columns are variables local to the task
 * (Tasklist reads a list's variables with the task's permissions, and the departments may read
 * their tasks, not the process instances): the number, the category and a reference to the
 * address. The forms read the process's variables through the task: dates in Kyiv time and names
 * instead of codes are refreshed here at every task's creation, the applicant and their words are
 * references that the personal-data vault resolves (and logs) when the form is opened. Forms show
 * them in disabled fields, which Tasklist never submits back, so nothing the complaint relies on
 * can be overwritten from a form. None of these variables has history: they are views of the
 * application's own records.
 */
@Component("presentComplaintInInbox")
public class PresentComplaintInInbox implements TaskListener {

  static final String CLASSIFICATION_OPTIONS = "classificationOptions";
  /** The task list's columns (see InboxFilters). */
  static final String NUMBER_COLUMN = "inboxNumber";
  static final String CATEGORY_COLUMN = "inboxCategory";
  static final String ADDRESS_COLUMN = "inboxAddress";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final ContactCenterProperties properties;
  private final ClassifierCatalogue classifier;

  public PresentComplaintInInbox(ContactCenterProperties properties, ClassifierCatalogue classifier) {
    this.properties = properties;
    this.classifier = classifier;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = (String) task.getVariable(COMPLAINT_NUMBER);
    task.setVariableLocal(NUMBER_COLUMN, number);
    task.setVariableLocal(CATEGORY_COLUMN, task.getVariable(CATEGORY_NAME));
    task.setVariableLocal(ADDRESS_COLUMN, new PersonalDataReference(number, PersonalDataField.LOCATION_ADDRESS));
    task.setVariableLocal(DUE_AT_TEXT, shown(task.getDueDate()));
    // the process's own texts, brought up to date for this task's form
    refresh(task, SLA_DEADLINE_TEXT, shown(task.getVariable(SLA_DEADLINE)));
    refresh(task, STATUTORY_DEADLINE_TEXT, shown(task.getVariable(STATUTORY_DEADLINE)));
    refresh(task, DEPARTMENT_NAME, properties.holderName((String) task.getVariable(DEPARTMENT)));
    refresh(task, RETURNED_BY_DEPARTMENT_NAME, properties.holderName((String) task.getVariable(RETURNED_BY_DEPARTMENT)));
    if (ComplaintProcess.Elements.TASK_RECLASSIFY.equals(task.getTaskDefinitionKey())) {
      task.setVariableLocal(CLASSIFICATION_OPTIONS, SpinValues.jsonValue(classificationOptions()).create());
    }
  }

  /** Sets a process variable if it changed (or first appears); a value that stays is not written again. */
  private static void refresh(DelegateTask task, String name, Object value) {
    if (value == null ? task.hasVariable(name) && task.getVariable(name) != null : !value.equals(task.getVariable(name))) {
      task.getExecution().getProcessInstance().setVariable(name, value);
    }
  }

  /** The catalogue as choices "Category — issue type" with values "CATEGORY/ISSUE_TYPE". */
  private String classificationOptions() {
    List<Map<String, String>> options = new ArrayList<>();
    for (ClassifierCatalogue.Category category : classifier.current().categories()) {
      for (ClassifierCatalogue.IssueType issueType : category.issueTypes()) {
        options.add(Map.of("label", category.nameUk() + " — " + issueType.nameUk(),
            "value", category.code() + CheckReclassification.SEPARATOR + issueType.code()));
      }
    }
    try {
      return JsonMapper.builder().build().writeValueAsString(options);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String shown(Object date) {
    return date instanceof Date value ? shown(value.toInstant(), properties.timeZone()) : null;
  }

  /** A moment as Tasklist's forms show it: "01.07.2026 09:00" in the city's time. */
  public static String shown(java.time.Instant moment, java.time.ZoneId zone) {
    return SHOWN.format(moment.atZone(zone));
  }
}
