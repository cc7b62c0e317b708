package ua.dnipro.contactcenter.routing;

import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.CATEGORY;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.ISSUE_TYPE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to finish "Re-classify complaint" without a category and issue type of the catalogue.
 * The form sends one choice, {@code classification} = "CATEGORY/ISSUE_TYPE"; API clients may send
 * {@code category} and {@code issueType} instead.
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
    Object classification = task.getVariable(CLASSIFICATION);
    if (classification != null && !classification.toString().isBlank()) {
      String[] codes = classification.toString().split(SEPARATOR, 2);
      if (codes.length != 2) {
        throw new IllegalArgumentException(CLASSIFICATION + " must be CATEGORY" + SEPARATOR + "ISSUE_TYPE, was " + classification);
      }
      task.setVariable(CATEGORY, codes[0]);
      task.setVariable(ISSUE_TYPE, codes[1]);
      task.removeVariable(CLASSIFICATION);
    }
    Object category = task.getVariable(CATEGORY);
    Object issueType = task.getVariable(ISSUE_TYPE);
    if (category == null || category.toString().isBlank() || issueType == null || issueType.toString().isBlank()) {
      throw new IllegalArgumentException("a re-classified complaint needs [category, issueType]");
    }
    if (!classifier.current().contains(category.toString(), issueType.toString())) {
      throw new IllegalArgumentException(
          category + SEPARATOR + issueType + " is not a category and issue type of the classifier's catalogue");
    }
  }
}
