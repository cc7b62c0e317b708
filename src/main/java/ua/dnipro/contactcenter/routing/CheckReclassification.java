package ua.dnipro.contactcenter.routing;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.CATEGORY;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.ISSUE_TYPE;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Turns the dispatcher's choice, {@code classification} = "CATEGORY/ISSUE_TYPE" (the form requires
 * it), into the complaint's new category and issue type, refusing any pair that is not in the
 * classifier's catalogue now (the catalogue may have changed since the form was opened).
 */
@Component("checkReclassification")
public class CheckReclassification implements TaskListener {

  public static final String CLASSIFICATION = "classification";
  public static final String SEPARATOR = "/";

  private final ClassifierCatalogue classifier;

  public CheckReclassification(ClassifierCatalogue classifier) {
    this.classifier = classifier;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.DISPATCH_DECISION);
    // forwarded outside the city, or merged into another complaint: nothing to re-classify
    if ("FORWARD".equals(decision) || "MERGE".equals(decision)) {
      // forwarded outside the city: nothing to re-classify (see forwarding.CheckForwarding)
      return;
    }
    Object classification = task.getVariable(CLASSIFICATION);
    String[] codes = classification == null ? new String[0] : classification.toString().split(SEPARATOR, 2);
    if (codes.length != 2) {
      throw new BadUserRequestException(CLASSIFICATION + " must be CATEGORY" + SEPARATOR + "ISSUE_TYPE, was " + classification);
    }
    if (!classifier.current().contains(codes[0], codes[1])) {
      throw new BadUserRequestException(
          codes[0] + SEPARATOR + codes[1] + " is not a category and issue type of the classifier's catalogue");
    }
    task.setVariable(CATEGORY, codes[0]);
    task.setVariable(ISSUE_TYPE, codes[1]);
    task.removeVariable(CLASSIFICATION);
  }
}
