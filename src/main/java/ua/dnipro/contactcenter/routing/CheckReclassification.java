package ua.dnipro.contactcenter.routing;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.CATEGORY;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.ISSUE_TYPE;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses to finish "Re-classify complaint" without a category and an issue type to route by. */
@Component("checkReclassification")
public class CheckReclassification implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<String> missing = new ArrayList<>();
    for (String field : List.of(CATEGORY, ISSUE_TYPE)) {
      Object value = task.getVariable(field);
      if (value == null || value.toString().isBlank()) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("a re-classified complaint needs " + missing);
    }
  }
}
