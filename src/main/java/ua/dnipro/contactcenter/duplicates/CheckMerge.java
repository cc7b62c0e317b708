package ua.dnipro.contactcenter.duplicates;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.DISPATCH_DECISION;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.DUPLICATE_OF;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.OUTCOME;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.complaint.DepartmentWork;

/**
 * A merge asked for on a task (the executor's outcome DUPLICATE, the dispatcher's decision MERGE) is
 * refused, with the reason, unless the complaint named is another one that is still open and not
 * merged itself, the complaint has no duplicates merged into it, and, for an executor, the other
 * complaint is their own department's. The form checks that a number was written.
 */
@Component("checkMerge")
public class CheckMerge implements TaskListener {

  static final String DUPLICATE = "DUPLICATE";
  static final String MERGE = "MERGE";
  static final Pattern NUMBER = Pattern.compile("\\d{4}-\\d{6}");
  static final Set<ComplaintStatus> OPEN = Set.of(ComplaintStatus.REGISTERED, ComplaintStatus.IN_PROGRESS,
      ComplaintStatus.AWAITING_RECLASSIFICATION);

  private final ComplaintRecords complaints;
  private final DefectRecords defects;

  public CheckMerge(ComplaintRecords complaints, DefectRecords defects) {
    this.complaints = complaints;
    this.defects = defects;
  }

  @Override
  public void notify(DelegateTask task) {
    // which task decides: the executors' (outcome DUPLICATE) or the dispatchers' (decision MERGE);
    // a decision left over from an earlier round of the complaint is not this task's
    boolean byExecutor = DepartmentWork.Elements.TASK_RESOLVE.equals(task.getTaskDefinitionKey());
    if (byExecutor ? !DUPLICATE.equals(task.getVariable(OUTCOME)) : !MERGE.equals(task.getVariable(DISPATCH_DECISION))) {
      return;
    }
    String number = task.getExecution().getProcessBusinessKey();
    String parentNumber = String.valueOf(task.getVariable(DUPLICATE_OF)).strip();
    if (!NUMBER.matcher(parentNumber).matches()) {
      throw refused("a complaint's number such as 2026-000123, was '" + parentNumber + "'");
    }
    if (parentNumber.equals(number)) {
      throw refused("a complaint is not merged into itself");
    }
    ComplaintState parent = complaints.find(parentNumber)
        .orElseThrow(() -> refused("there is no complaint " + parentNumber));
    if (parent.status() == ComplaintStatus.MERGED) {
      throw refused(parentNumber + " is itself merged into " + defects.parentOf(parentNumber).orElse("another complaint")
          + ": merge into that one");
    }
    if (!OPEN.contains(parent.status())) {
      throw refused(parentNumber + " is no longer open (" + parent.status() + "): a duplicate is merged into an open "
          + "complaint; answer this one on its own");
    }
    // those still waiting for it: the ones resolved with it earlier are done
    List<String> children = defects.childrenOf(number).stream()
        .filter(child -> complaints.find(child).map(ComplaintState::status).orElse(null) == ComplaintStatus.MERGED)
        .toList();
    if (!children.isEmpty()) {
      throw refused("complaints " + children + " are merged into this one: it is the defect's complaint, resolve it");
    }
    ComplaintState child = complaints.find(number)
        .orElseThrow(() -> new IllegalStateException("no recorded state for complaint " + number));
    if (byExecutor && (parent.department() == null || !parent.department().equals(child.department()))) {
      throw refused(parentNumber + " is not with your department: ask the dispatchers (return the complaint with the "
          + "number in the reason) to merge across departments");
    }
    task.setVariable(DUPLICATE_OF, parentNumber);
  }

  private static BadUserRequestException refused(String reason) {
    return new BadUserRequestException("duplicateOf: " + reason);
  }
}
