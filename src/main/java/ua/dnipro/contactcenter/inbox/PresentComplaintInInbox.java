package ua.dnipro.contactcenter.inbox;

import ua.dnipro.contactcenter.forms.TaskForm;
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
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.form.FormType;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.type.StringFormType;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.StatutoryTerms;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintScope;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.duplicates.LikelyDuplicates;
import ua.dnipro.contactcenter.personaldata.PersonalDataField;
import ua.dnipro.contactcenter.personaldata.PersonalDataReference;
import ua.dnipro.contactcenter.personaldata.PersonalDataSerializer;
import ua.dnipro.contactcenter.routing.CheckReclassification;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;
import ua.dnipro.contactcenter.organisation.CityGroups;

/**
 * What Tasklist shows of a complaint. Each task carries, as its own variables, only what its list
 * entry shows: the number, the category and a reference to the address (Tasklist reads a list's
 * variables with the task's permissions, one query for the page). What its form shows is made when
 * the form is read ({@link #formFields}, through {@link FormsShowTheComplaint}): dates in Kyiv time,
 * names instead of codes, and the applicant and their words from the personal-data vault (each read
 * logged), from the complaint's process and the application's own records. Nothing of it is written
 * when a task is created, so a filing writes no display copies, and a form always shows the
 * complaint as it is now (its department after a re-routing, the task's due date after an
 * extension). Tasklist never submits disabled fields back, so nothing the complaint relies on can be
 * overwritten from a form; none of these values has history: they are views of the application's
 * records.
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

  private final ComplaintRecords records;
  private final PersonalDataSerializer.Resolver personalData;

  public PresentComplaintInInbox(ContactCenterProperties properties, ClassifierCatalogue classifier,
      LikelyDuplicates likelyDuplicates, ComplaintRecords records, PersonalDataSerializer.Resolver personalData) {
    this.properties = properties;
    this.classifier = classifier;
    this.likelyDuplicates = likelyDuplicates;
    this.records = records;
    this.personalData = personalData;
  }

  @Override
  public void notify(DelegateTask task) {
    VariableScope complaint = ComplaintScope.of(task);
    String number = ComplaintScope.numberOf(task);
    task.setVariableLocal(NUMBER_COLUMN, number);
    task.setVariableLocal(CATEGORY_COLUMN, complaint.getVariable(CATEGORY_NAME));
    task.setVariableLocal(ADDRESS_COLUMN, new PersonalDataReference(number, PersonalDataField.LOCATION_ADDRESS));
    if (ComplaintProcess.Elements.TASK_RECLASSIFY.equals(task.getTaskDefinitionKey())) {
      task.setVariableLocal(CLASSIFICATION_OPTIONS, SpinValues.jsonValue(classificationOptions()).create());
      task.setVariableLocal(AUTHORITY_OPTIONS, SpinValues.jsonValue(authorityOptions()).create());
    }
  }

  /**
   * The shown fields of the task's form, each with its value made when it is read (Tasklist reads
   * them all at once, as the task's form variables). A field that is a variable the task sees (its
   * own, or of its process, as the complaint's process holds its category's name) is left to it.
   */
  public List<FormField> formFields(DelegateTask task) {
    List<FormField> fields = new ArrayList<>();
    for (String field : shownFields(task)) {
      if (!task.hasVariable(field)) {
        fields.add(new ShownField(field, () -> shownValue(task, field)));
      }
    }
    return fields;
  }

  private Object shownValue(DelegateTask task, String field) {
    VariableScope complaint = ComplaintScope.of(task);
    String number = ComplaintScope.numberOf(task);
    if (number == null) {
      return null;
    }
    Object value = derived(field, task, complaint, number);
    if (value instanceof PersonalDataReference reference) {
      CommandContext command = Context.getCommandContext();
      return personalData.resolve(reference, command == null ? null : command.getAuthenticatedUserId());
    }
    // a value of the complaint's process, which the department's process cannot see
    return value != null || complaint == task ? value : complaint.getVariable(field);
  }

  /** A shown value that no process holds: texts made for people, and references to personal data. */
  private Object derived(String field, DelegateTask task, VariableScope complaint, String number) {
    for (PersonalDataField personal : PersonalDataField.values()) {
      if (personal.variableName().equals(field)) {
        return new PersonalDataReference(number, personal);
      }
    }
    return switch (field) {
      case DUE_AT_TEXT -> shown(task.getDueDate());
      case RECEIVED_AT_TEXT -> records.find(number).map(state -> shown(state.receivedAt(), properties.timeZone()))
          .orElse(null);
      case CHANNEL_NAME -> records.find(number).map(state -> properties.channelName(state.channel())).orElse(null);
      case DISTRICT_NAME -> ComplaintScope.districtOf(complaint, number, records).map(properties::districtName).orElse(null);
      case DEPARTMENT_NAME -> CityGroups.holderName(properties, (String) complaint.getVariable(DEPARTMENT));
      case RETURNED_BY_DEPARTMENT_NAME -> CityGroups.holderName(properties, (String) complaint.getVariable(RETURNED_BY_DEPARTMENT));
      case SLA_DEADLINE_TEXT -> shown(complaint.getVariable(SLA_DEADLINE));
      case STATUTORY_DEADLINE_TEXT -> complaint.getVariable(STATUTORY_DEADLINE) instanceof Date term
          ? lastDayShown(term.toInstant(), properties.timeZone()) : null;
      // numbers, distances and where they stand: no other applicant's address
      case LIKELY_DUPLICATES_TEXT -> likelyDuplicates.shownOnTask(number);
      default -> null;
    };
  }

  /** A form's field whose value is made when it is read. */
  private record ShownField(String id, java.util.function.Supplier<Object> value) implements FormField {

    @Override
    public String getId() {
      return id;
    }

    @Override
    public String getLabel() {
      return id;
    }

    @Override
    public FormType getType() {
      return new StringFormType();
    }

    @Override
    public String getTypeName() {
      return StringFormType.TYPE_NAME;
    }

    @Override
    @Deprecated
    public Object getDefaultValue() {
      return null;
    }

    @Override
    public TypedValue getValue() {
      Object shown = value.get();
      return shown == null ? Variables.untypedNullValue() : Variables.stringValue(shown.toString());
    }

    @Override
    public List<FormFieldValidationConstraint> getValidationConstraints() {
      return List.of();
    }

    @Override
    public Map<String, String> getProperties() {
      return Map.of();
    }

    @Override
    public boolean isBusinessKey() {
      return false;
    }
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
