package ua.dnipro.contactcenter.inbox;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.emergency.EmergencyWatch;

/**
 * The engine's grants on new tasks, minus one: a department's task gives its candidate groups no
 * grant of its own, because the groups' grants are on the department's process definitions
 * ({@code DepartmentWork_<department>} for its executors, {@code EmergencyWatch_<department>} for the
 * duty dispatchers and its heads: READ_TASK, TASK_WORK, READ_HISTORY). Every other task
 * (dispatchers', heads', controllers') keeps the engine's per-task grants, and so does a person
 * the task is assigned to.
 */
class DepartmentTaskGrants extends DefaultAuthorizationProvider {

  private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (isDepartmentWork(task)) {
      return NONE;
    }
    return super.newTaskGroupIdentityLink(task, groupId, type);
  }

  @Override
  public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (isDepartmentWork(task)) {
      return NONE;
    }
    return super.deleteTaskGroupIdentityLink(task, groupId, type);
  }

  static boolean isDepartmentWork(Task task) {
    if (!(task instanceof TaskEntity entity) || entity.getProcessDefinition() == null) {
      return false;
    }
    String key = entity.getProcessDefinition().getKey();
    return DepartmentWork.isDepartmentWork(key) || EmergencyWatch.isEmergencyWatch(key);
  }
}
