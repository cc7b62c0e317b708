package ua.dnipro.contactcenter.duplicates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import ua.dnipro.contactcenter.api.ApiCaller;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.ComplaintStatus;
import ua.dnipro.contactcenter.organisation.CityGroups;

/**
 * The dispatchers undo a merge: the duplicate was not the same defect after all. It is routed anew
 * as a defect of its own (a new task for the department the classifier names).
 */
@RestController
@Tag(name = "Duplicates", description = "For the dispatchers: undo a merge of reports of one defect")
class DefectMergeController {

  static final String UNMERGED_BY = "unmergedBy";

  private final ComplaintRecords complaints;
  private final DefectRecords defects;
  private final RuntimeService runtimeService;

  DefectMergeController(ComplaintRecords complaints, DefectRecords defects, RuntimeService runtimeService) {
    this.complaints = complaints;
    this.defects = defects;
    this.runtimeService = runtimeService;
  }

  @DeleteMapping("/api/v1/complaints/{number}/merge")
  @Operation(summary = "Undo the merge of a duplicate into the complaint of its defect",
      description = "Only the dispatchers (403 for anybody else). 404 for an unknown complaint; 409 unless the "
          + "complaint is merged and still waits for the other one (a duplicate already resolved with it is re-opened "
          + "by its citizen instead). 204: the complaint is routed anew as a defect of its own.")
  ResponseEntity<Void> undo(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String number) {
    if (!caller.groups().contains(CityGroups.DISPATCHERS) && !caller.groups().contains(CityGroups.ADMINS)) {
      throw ApiException.forbidden("only the dispatchers (group '" + CityGroups.DISPATCHERS + "') undo a merge");
    }
    ComplaintState state = complaints.find(number).orElseThrow(() -> ApiException.notFound("no complaint " + number));
    if (state.status() != ComplaintStatus.MERGED || defects.parentOf(number).isEmpty()) {
      throw ApiException.conflict("not-merged", "The complaint is not merged",
          "complaint " + number + " is " + state.status() + ", not a duplicate waiting for the complaint of its defect");
    }
    try {
      runtimeService.createMessageCorrelation(ComplaintProcess.MESSAGE_MERGE_UNDONE).processInstanceBusinessKey(number)
          .setVariable(UNMERGED_BY, Variables.stringValue(caller.userId(), true))
          .correlateWithResult();
    } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException e) {
      // resolved with the other complaint a moment ago
      throw ApiException.conflict("not-merged", "The complaint is not merged",
          "complaint " + number + " no longer waits for the complaint of its defect");
    }
    return ResponseEntity.noContent().build();
  }
}
