package ua.dnipro.contactcenter.inbox;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.StatutoryTerms;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintScope;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.duplicates.LikelyDuplicates;
import ua.dnipro.contactcenter.personaldata.PersonalDataField;
import ua.dnipro.contactcenter.personaldata.PersonalDataReference;
import ua.dnipro.contactcenter.routing.CheckReclassification;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;

/**
 * Prepares what Tasklist shows of a complaint: each task carries, as its own variables, what its
 * list entry and its form show. The list's columns: the number, the category and a reference to the
 * address (Tasklist reads a list's variables with the task's permissions). The form's shown
 * (disabled) fields, read from the task's form: dates in Kyiv time, names instead of codes, and the
 * applicant and their words as references that the personal-data vault resolves (and logs) when the
 * form is opened. The complaint's process holds what it routes, decides and waits on; a department's
 * task lives in the department's process (see DepartmentWork), which holds none of it, so a task
 * takes what its form shows from the complaint's process. Tasklist never submits disabled fields
 * back, so nothing the complaint relies on can be overwritten from a form. None of these variables
 * has history: they are views of the application's own records.
 */
@Component("presentComplaintInInbox")
public class PresentComplaintInInbox implements TaskListener {

  static final String CLASSIFICATION_OPTIONS = "classificationOptions";
  /** The bodies outside the city a dispatcher may forward to, and OTHER (a name written by hand). */
  static final String AUTHORITY_OPTIONS = "authorityOptions";
  /** The task list's columns (see InboxFilters). */
  static final String NUMBER_COLUMN = "inboxNumber";
  static final String CATEGORY_COLUMN = "inboxCategory";
  static final String ADDRESS_COLUMN = "inboxAddress";
  /** The open complaints nearby about the same, found at intake (see LikelyDuplicates). */
  static final String LIKELY_DUPLICATES_TEXT = "likelyDuplicatesText";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private static final String FORMS = "processes/forms/";

  private final ContactCenterProperties properties;
  private final ClassifierCatalogue classifier;
  private final LikelyDuplicates likelyDuplicates;
  /** The shown fields of each form (by its key), as shipped in the repository's processes/forms/. */
  private final Map<String, Set<String>> shownByForm = new ConcurrentHashMap<>();

  public PresentComplaintInInbox(ContactCenterProperties properties, ClassifierCatalogue classifier,
      LikelyDuplicates likelyDuplicates) {
    this.properties = properties;
    this.classifier = classifier;
    this.likelyDuplicates = likelyDuplicates;
  }

  @Override
  public void notify(DelegateTask task) {
    VariableScope complaint = ComplaintScope.of(task);
    boolean ownProcess = complaint == task;
    String number = (String) complaint.getVariable(COMPLAINT_NUMBER);
    task.setVariableLocal(NUMBER_COLUMN, number);
    task.setVariableLocal(CATEGORY_COLUMN, complaint.getVariable(CATEGORY_NAME));
    task.setVariableLocal(ADDRESS_COLUMN, new PersonalDataReference(number, PersonalDataField.LOCATION_ADDRESS));
    task.setVariableLocal(DUE_AT_TEXT, shown(task.getDueDate()));
    for (String field : shownFields(task)) {
      Object value = derived(field, complaint, number);
      if (value == null && !ownProcess && !DUE_AT_TEXT.equals(field)) {
        // a value of the complaint's process, which the department's process cannot see
        value = complaint.getVariable(field);
      }
      if (value != null) {
        task.setVariableLocal(field, value);
      }
    }
    if (ComplaintProcess.Elements.TASK_RECLASSIFY.equals(task.getTaskDefinitionKey())) {
      task.setVariableLocal(CLASSIFICATION_OPTIONS, SpinValues.jsonValue(classificationOptions()).create());
      task.setVariableLocal(AUTHORITY_OPTIONS, SpinValues.jsonValue(authorityOptions()).create());
    }
  }

  /** A shown value that no process holds: texts made for people, and references to personal data. */
  private Object derived(String field, VariableScope complaint, String number) {
    for (PersonalDataField personal : PersonalDataField.values()) {
      if (personal.variableName().equals(field)) {
        return new PersonalDataReference(number, personal);
      }
    }
    return switch (field) {
      case DEPARTMENT_NAME -> properties.holderName((String) complaint.getVariable(DEPARTMENT));
      case RETURNED_BY_DEPARTMENT_NAME -> properties.holderName((String) complaint.getVariable(RETURNED_BY_DEPARTMENT));
      case SLA_DEADLINE_TEXT -> shown(complaint.getVariable(SLA_DEADLINE));
      case STATUTORY_DEADLINE_TEXT -> complaint.getVariable(STATUTORY_DEADLINE) instanceof Date term
          ? lastDayShown(term.toInstant(), properties.timeZone()) : null;
      // numbers, distances and where they stand: no other applicant's address
      case LIKELY_DUPLICATES_TEXT -> likelyDuplicates.shownOnTask(number);
      default -> null;
    };
  }

  /** The keys of the fields the task's form shows (none for a task without one of our forms). */
  private Set<String> shownFields(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    String form = userTask == null ? null : userTask.getCamundaFormRef();
    if (form == null) {
      return Set.of();
    }
    return shownByForm.computeIfAbsent(form, key -> {
      try (InputStream in = PresentComplaintInInbox.class.getClassLoader().getResourceAsStream(FORMS + key + ".form")) {
        return in == null ? Set.of() : TaskForm.shownKeys(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The configured bodies outside the city's competence as choices, and "another body" last. */
  private String authorityOptions() {
    List<Map<String, String>> options = new ArrayList<>();
    for (ContactCenterProperties.Authority authority : properties.externalAuthorities()) {
      options.add(Map.of("label", authority.name(), "value", authority.code()));
    }
    options.add(Map.of("label", "Інший орган (вказати назву)", "value", "OTHER"));
    try {
      return JsonMapper.builder().build().writeValueAsString(options);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
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

  /**
   * A statutory term as people read it: its last day, "16.07.2026 включно" (the term ends at the
   * midnight after it, see {@link StatutoryTerms}).
   */
  public static String lastDayShown(java.time.Instant term, java.time.ZoneId zone) {
    return new StatutoryTerms(zone).lastDayShown(term) + " включно";
  }

  /** A moment as Tasklist's forms show it: "01.07.2026 09:00" in the city's time. */
  public static String shown(java.time.Instant moment, java.time.ZoneId zone) {
    return SHOWN.format(moment.atZone(zone));
  }
}
