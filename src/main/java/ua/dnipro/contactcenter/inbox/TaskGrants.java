package ua.dnipro.contactcenter.inbox;

import ua.dnipro.contactcenter.organisation.CityGroups;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * The grants the engine makes on each task for its groups and assignee. They give READ and
 * TASK_WORK (claim, unclaim, complete; see {@code defaultUserPermissionNameForTask}). Before that
 * they gave UPDATE, which also lets a person reassign, delegate, hand the task to other groups
 * and move its due date; such grants are narrowed at start-up.
 */
final class TaskGrants {

  private static final int PAGE = 500;

  private TaskGrants() {
  }

  /** Replaces UPDATE by TASK_WORK on every per-task grant to a person or group; returns how many. */
  static int narrowToTaskWork(AuthorizationService authorizations) {
    return narrowToTaskWork(authorizations, PAGE);
  }

  static int narrowToTaskWork(AuthorizationService authorizations, int pageSize) {
    int narrowed = 0;
    int skipped = 0;
    while (true) {
      List<Authorization> page = authorizations.createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.TASK)
          .hasPermission(Permissions.UPDATE)
          // a stable order, so that the grants kept as they are stay ahead of the page
          .orderByResourceId().asc().orderByResourceType().asc().listPage(skipped, pageSize);
      if (page.isEmpty()) {
        return narrowed;
      }
      for (Authorization grant : page) {
        // the administrators' grant on every task stays whole
        if (Authorization.ANY.equals(grant.getResourceId()) || CityGroups.ADMINS.equals(grant.getGroupId())) {
          skipped++;
          continue;
        }
        grant.removePermission(Permissions.UPDATE);
        grant.addPermission(Permissions.TASK_WORK);
        authorizations.saveAuthorization(grant);
        narrowed++;
      }
    }
  }
}
