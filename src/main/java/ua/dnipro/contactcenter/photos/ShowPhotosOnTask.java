package ua.dnipro.contactcenter.photos;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.DepartmentWork;

/**
 * Shows the citizen's photos on the department's and the dispatchers' tasks: each task variable
 * {@code photo1}..{@code photo5} is where the form's image loads it from (the photo itself stays in
 * the application's table, read and logged when the form shows it). Photos sent later are added to
 * the open tasks as they arrive (see {@link Photos}).
 */
@Component("showPhotosOnTask")
public class ShowPhotosOnTask implements TaskListener {

  /** The tasks whose forms show the citizen's photos. */
  static final Set<String> SHOWN_ON = Set.of(DepartmentWork.Elements.TASK_RESOLVE,
      ComplaintProcess.Elements.TASK_RECLASSIFY);

  private final Photos photos;

  public ShowPhotosOnTask(Photos photos) {
    this.photos = photos;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = task.getExecution().getProcessBusinessKey();
    List<String> urls = photos.urlsForTasks(number);
    for (int i = 0; i < urls.size(); i++) {
      task.setVariableLocal(Photos.SLOTS.get(i), urls.get(i));
    }

  }
}
