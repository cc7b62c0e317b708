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
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import ua.dnipro.contactcenter.complaint.ComplaintScope;
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

  /** The complaint's texts a department's task carries itself (its process does not hold them). */
  static final List<String> FORM_TEXTS = List.of(COMPLAINT_NUMBER, RECEIVED_AT_TEXT, CATEGORY_NAME, ISSUE_TYPE_NAME,
      DISTRICT_NAME, CHANNEL_NAME, DEPARTMENT_NAME);
  /** The applicant and their words, as references the personal-data vault resolves (and logs) when read. */
  static final List<PersonalDataField> FORM_PERSONAL_DATA = List.of(PersonalDataField.APPLICANT_NAME,
      PersonalDataField.APPLICANT_PHONE, PersonalDataField.APPLICANT_ADDRESS, PersonalDataField.DESCRIPTION,
      PersonalDataField.LOCATION_ADDRESS);

  @Override
  public void notify(DelegateTask task) {
    VariableScope complaint = ComplaintScope.of(task);
    String number = (String) complaint.getVariable(COMPLAINT_NUMBER);
    task.setVariableLocal(NUMBER_COLUMN, number);
    task.setVariableLocal(CATEGORY_COLUMN, complaint.getVariable(CATEGORY_NAME));
    task.setVariableLocal(ADDRESS_COLUMN, new PersonalDataReference(number, PersonalDataField.LOCATION_ADDRESS));
    task.setVariableLocal(DUE_AT_TEXT, shown(task.getDueDate()));
    // the process's own texts, brought up to date for this task's form
    refresh(complaint, SLA_DEADLINE_TEXT, shown(complaint.getVariable(SLA_DEADLINE)));
    refresh(complaint, STATUTORY_DEADLINE_TEXT, shown(complaint.getVariable(STATUTORY_DEADLINE)));
    refresh(complaint, DEPARTMENT_NAME, properties.holderName((String) complaint.getVariable(DEPARTMENT)));
    refresh(complaint, RETURNED_BY_DEPARTMENT_NAME, properties.holderName((String) complaint.getVariable(RETURNED_BY_DEPARTMENT)));
    if (complaint != task) {
      // a department's task, in the department's process: its form reads the task's own variables
      for (String text : FORM_TEXTS) {
        task.setVariableLocal(text, complaint.getVariable(text));
      }
      for (PersonalDataField field : FORM_PERSONAL_DATA) {
        task.setVariableLocal(field.variableName(), new PersonalDataReference(number, field));
      }
    }
    if (ComplaintProcess.Elements.TASK_RECLASSIFY.equals(task.getTaskDefinitionKey())) {
      task.setVariableLocal(CLASSIFICATION_OPTIONS, SpinValues.jsonValue(classificationOptions()).create());
    }
  }

  /** Sets a variable of the complaint's process if it changed (or first appears); a value that stays is not written again. */
  private static void refresh(VariableScope complaint, String name, Object value) {
    if (value == null ? complaint.hasVariable(name) && complaint.getVariable(name) != null : !value.equals(complaint.getVariable(name))) {
      ((ExecutionEntity) (complaint instanceof DelegateTask task ? task.getExecution() : complaint)).getProcessInstance()
          .setVariable(name, value);
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
