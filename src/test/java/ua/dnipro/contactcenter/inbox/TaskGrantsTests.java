package ua.dnipro.contactcenter.inbox;

import ua.dnipro.contactcenter.organisation.CityGroups;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.dnipro.contactcenter.intake.ComplaintFiling;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/** Grants made on tasks before TASK_WORK was the default are narrowed at start-up. */
class TaskGrantsTests extends PostgresApplicationTest {

  @Autowired ComplaintFiling filing;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;

  @Test
  void aDepartmentsTaskHasNoGrantOfItsOwnItsDepartmentIsGrantedOnItsDefinition() {
    var complaint = filing.file(ComplaintFixtures.complaint("LIGHTING", "STREET_DARK", "вул. Стара, 2"));
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(complaint.number()).taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).singleResult();
    assertThat(authorizationService.createAuthorizationQuery().resourceId(task.getId()).count()).isZero();
    Authorization department = authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(DepartmentWork.keyOf("street-lighting")).groupIdIn("street-lighting").singleResult();
    assertThat(department.isPermissionGranted(ProcessDefinitionPermissions.READ_TASK)).isTrue();
    assertThat(department.isPermissionGranted(ProcessDefinitionPermissions.TASK_WORK)).isTrue();
    assertThat(department.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).isTrue();
    assertThat(department.isPermissionGranted(ProcessDefinitionPermissions.UPDATE_TASK)).isFalse();
    assertThat(department.isPermissionGranted(ProcessDefinitionPermissions.TASK_ASSIGN)).isFalse();
    // the list's columns are the tasks' variables; the department's instances hold nothing else
    assertThat(department.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)).isTrue();
    assertThat(department.isPermissionGranted(ProcessDefinitionPermissions.UPDATE_INSTANCE)).isFalse();
    assertThat(department.isPermissionGranted(ProcessDefinitionPermissions.DELETE_INSTANCE)).isFalse();
  }

  @Test
  void aTaskGrantWithUpdateIsNarrowedToWorkingTheTaskAndTheAdministratorsKeepTheirs() {
    // a dispatchers' task: the engine grants its group on the task (a department's task has no grant
    // of its own, its department's grant is on its process definition)
    var complaint = filing.file(ComplaintFixtures.complaint("OTHER", "OTHER", "вул. Стара, 1"));
    Task task = taskService.createTaskQuery().processInstanceId(complaint.processInstanceId()).singleResult();
    Authorization groupGrant = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task.getId()).groupIdIn(CityGroups.DISPATCHERS).singleResult();
    assertThat(groupGrant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(groupGrant.isPermissionGranted(Permissions.UPDATE)).isFalse();
    // as an earlier release of the application left it
    groupGrant.removePermission(Permissions.TASK_WORK);
    groupGrant.addPermission(Permissions.UPDATE);
    authorizationService.saveAuthorization(groupGrant);

    // several pages of them, with grants that stay as they are among them
    for (int i = 0; i < 5; i++) {
      Authorization legacy = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      legacy.setUserId("g.executor-" + i);
      legacy.setResource(Resources.TASK);
      legacy.setResourceId(task.getId());
      legacy.addPermission(Permissions.UPDATE);
      authorizationService.saveAuthorization(legacy);
    }

    assertThat(TaskGrants.narrowToTaskWork(authorizationService, 2)).isGreaterThanOrEqualTo(6);

    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
        .hasPermission(Permissions.UPDATE).count()).isZero();

    Authorization narrowed = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task.getId()).groupIdIn(CityGroups.DISPATCHERS).singleResult();
    assertThat(narrowed.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(narrowed.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(narrowed.isPermissionGranted(Permissions.UPDATE)).isFalse();
    Authorization administrators = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(Authorization.ANY).groupIdIn(CityGroups.ADMINS).singleResult();
    assertThat(administrators.isPermissionGranted(Permissions.UPDATE)).isTrue();
  }
}
