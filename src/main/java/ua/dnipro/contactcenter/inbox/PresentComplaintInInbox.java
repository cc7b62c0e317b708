package ua.dnipro.contactcenter.inbox;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.routing.CheckReclassification;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;

/**
 * Prepares what Tasklist shows of a complaint, as variables local to the task: the list's columns,
 * and for the form dates in Kyiv time, names instead of codes, the applicant's full name, and for
 * the dispatchers the classifier's choices. Local to the task, they are readable by exactly those
 * who may read the task; the forms show them in disabled fields, which Tasklist never submits
 * back, so nothing the complaint relies on can be overwritten from a form.
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
    task.setVariableLocal(NUMBER_COLUMN, task.getVariable(COMPLAINT_NUMBER));
    task.setVariableLocal(CATEGORY_COLUMN, task.getVariable(CATEGORY_NAME));
    task.setVariableLocal(ADDRESS_COLUMN, task.getVariable(LOCATION_ADDRESS));
    task.setVariableLocal("receivedAtText", shown(task.getVariable(RECEIVED_AT)));
    task.setVariableLocal("dueAtText", shown(task.getDueDate()));
    task.setVariableLocal("slaDeadlineText", shown(task.getVariable(SLA_DEADLINE)));
    task.setVariableLocal("statutoryDeadlineText", shown(task.getVariable(STATUTORY_DEADLINE)));
    task.setVariableLocal("applicantName", Stream.of(APPLICANT_LAST_NAME, APPLICANT_FIRST_NAME, APPLICANT_PATRONYMIC)
        .map(task::getVariable).filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining(" ")));
    task.setVariableLocal("channelName", properties.channelName((String) task.getVariable(CHANNEL)));
    task.setVariableLocal("districtName", properties.districtName((String) task.getVariable(DISTRICT)));
    task.setVariableLocal("departmentName", properties.holderName((String) task.getVariable(DEPARTMENT)));
    task.setVariableLocal("returnedByDepartmentName", properties.holderName((String) task.getVariable(RETURNED_BY_DEPARTMENT)));
    if (ComplaintProcess.Elements.TASK_RECLASSIFY.equals(task.getTaskDefinitionKey())) {
      task.setVariableLocal(CLASSIFICATION_OPTIONS, SpinValues.jsonValue(classificationOptions()).create());
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
    return date instanceof Date value ? SHOWN.format(value.toInstant().atZone(properties.timeZone())) : null;
  }
}
