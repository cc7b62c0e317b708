package ua.dnipro.contactcenter.duplicates;

import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintEvent;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.complaint.StatusChangeListener;

/**
 * Keeps the duplicates merged into a complaint with it, in the transaction of its change, through
 * the engine's messages (each duplicate's process waits for one): resolved, each duplicate is
 * resolved with it; forwarded outside the city or left unconsidered, each is a defect of its own
 * again. A duplicate its citizen re-opens is a defect of its own from then on.
 */
@Component
public class MergedDuplicates implements StatusChangeListener {

  static final Set<ComplaintEvent> ENDS_THE_MERGE = Set.of(ComplaintEvent.FORWARDED, ComplaintEvent.LEFT_UNCONSIDERED);

  private final DefectRecords defects;
  private final ComplaintRecords complaints;

  public MergedDuplicates(DefectRecords defects, ComplaintRecords complaints) {
    this.defects = defects;
    this.complaints = complaints;
  }

  @Override
  public void statusChanged(DelegateExecution complaint, ComplaintEvent event, ComplaintState state) {
    if (event == ComplaintEvent.REOPENED) {
      defects.unmerge(state.number());
      return;
    }
    String message = event == ComplaintEvent.RESOLVED ? ComplaintProcess.MESSAGE_DEFECT_RESOLVED
        : ENDS_THE_MERGE.contains(event) ? ComplaintProcess.MESSAGE_MERGE_UNDONE : null;
    if (message == null) {
      return;
    }
    RuntimeService runtime = complaint.getProcessEngineServices().getRuntimeService();
    for (String child : defects.childrenOf(state.number())) {
      boolean waiting = complaints.find(child).map(ComplaintState::status).orElse(null) == ComplaintStatus.MERGED;
      // one that is no longer waiting (its merge undone a moment ago) is skipped: the parent's own
      // change never fails for a child's sake
      if (waiting && runtime.createEventSubscriptionQuery().eventType("message").eventName(message)
          .processInstanceId(runtime.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
              .processInstanceBusinessKey(child).singleResult().getId()).count() > 0) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(child).correlateWithResult();
      }
    }
  }
}
