package ua.dnipro.contactcenter.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Seeding runs at every start: running it again changes nothing an administrator set since. */
class ProvisioningTests {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("engine-tests.cfg.xml").build();

  IdentityService identities() {
    return engine.getIdentityService();
  }

  AuthorizationService authorizations() {
    return engine.getAuthorizationService();
  }

  Provisioning provisioning() {
    return new Provisioning(identities(), authorizations());
  }

  @AfterEach
  void cleanUp() {
    identities().createUserQuery().list().forEach(user -> identities().deleteUser(user.getId()));
    identities().createGroupQuery().list().forEach(group -> identities().deleteGroup(group.getId()));
    authorizations().createAuthorizationQuery().list()
        .forEach(authorization -> authorizations().deleteAuthorization(authorization.getId()));
  }

  @Test
  void aGroupIsCreatedOnce_andKeepsTheNameAnAdministratorGaveIt() {
    assertThat(provisioning().group("housing", "Житлове господарство", Groups.GROUP_TYPE_WORKFLOW)).isTrue();
    var group = identities().createGroupQuery().groupId("housing").singleResult();
    group.setName("renamed by an administrator");
    identities().saveGroup(group);

    assertThat(provisioning().group("housing", "Житлове господарство", Groups.GROUP_TYPE_WORKFLOW)).isFalse();
    assertThat(identities().createGroupQuery().groupId("housing").singleResult().getName())
        .isEqualTo("renamed by an administrator");
    assertThat(identities().createGroupQuery().groupId("housing").singleResult().getType()).isEqualTo("WORKFLOW");
  }

  @Test
  void aConfiguredAccountsPasswordIsSetAgain_butAnAccountCreatedOnlyIfAbsentKeepsItsOwn() {
    provisioning().account("hotline", "Гаряча лінія", "(канал)", "First-password-2026");
    provisioning().account("hotline", "Гаряча лінія", "(канал)", "Second-password-2026");
    assertThat(identities().checkPassword("hotline", "Second-password-2026")).isTrue();

    provisioning().accountIfAbsent("dispatcher", "dispatcher", "(демо)", "Demo-password-2026");
    assertThat(provisioning().accountIfAbsent("dispatcher", "dispatcher", "(демо)", "Other-password-2026")).isFalse();
    assertThat(identities().checkPassword("dispatcher", "Demo-password-2026")).isTrue();
  }

  @Test
  void aMembershipIsMadeOnce() {
    provisioning().group("channels", "Канали", Groups.GROUP_TYPE_SYSTEM);
    provisioning().account("hotline", "Гаряча лінія", "(канал)", "First-password-2026");
    provisioning().member("hotline", "channels");
    provisioning().member("hotline", "channels");
    assertThat(identities().createUserQuery().memberOfGroup("channels").count()).isEqualTo(1);
  }

  @Test
  void aGrantIsCompletedWithWhatIsMissing() {
    provisioning().grantToGroup("dispatchers", Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    provisioning().grantToGroup("dispatchers", Resources.PROCESS_DEFINITION, "ComplaintProcess", Permissions.READ);
    provisioning().grantToGroup("dispatchers", Resources.PROCESS_DEFINITION, "ComplaintProcess", Permissions.READ,
        Permissions.READ_INSTANCE);

    Authorization grant = grantOf("dispatchers", Resources.PROCESS_DEFINITION, "ComplaintProcess");
    assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(grant.isPermissionGranted(Permissions.READ_INSTANCE)).isTrue();
    assertThat(authorizations().createAuthorizationQuery().groupIdIn("dispatchers").count()).isEqualTo(2);
  }

  @Test
  void aGrantMadeOnlyIfAbsentLeavesWhatAnAdministratorNarrowedOrRevoked() {
    provisioning().grantToGroupIfAbsent(Groups.CAMUNDA_ADMIN, Resources.DEPLOYMENT, Authorization.ANY, Permissions.ALL);
    Authorization narrowed = grantOf(Groups.CAMUNDA_ADMIN, Resources.DEPLOYMENT, Authorization.ANY);
    narrowed.setPermissions(new Permissions[] {Permissions.READ});
    authorizations().saveAuthorization(narrowed);
    Authorization revoke = authorizations().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setGroupId(Groups.CAMUNDA_ADMIN);
    revoke.setResource(Resources.BATCH);
    revoke.setResourceId(Authorization.ANY);
    revoke.removePermission(Permissions.DELETE);
    authorizations().saveAuthorization(revoke);

    provisioning().grantToGroupIfAbsent(Groups.CAMUNDA_ADMIN, Resources.DEPLOYMENT, Authorization.ANY, Permissions.ALL);
    provisioning().grantToGroupIfAbsent(Groups.CAMUNDA_ADMIN, Resources.BATCH, Authorization.ANY, Permissions.ALL);

    Authorization kept = grantOf(Groups.CAMUNDA_ADMIN, Resources.DEPLOYMENT, Authorization.ANY);
    assertThat(kept.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(kept.isPermissionGranted(Permissions.DELETE)).isFalse();
    assertThat(authorizations().createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN)
        .resourceType(Resources.BATCH).list()).singleElement()
        .extracting(Authorization::getAuthorizationType).isEqualTo(Authorization.AUTH_TYPE_REVOKE);
  }

  @Test
  void aGrantOnAFreshResourceIsForOneUserOrOneGroup() {
    Provisioning.grantNew(authorizations(), Provisioning.Grantee.user("viberbot"), Resources.PROCESS_INSTANCE, "pi-1",
        Permissions.READ, Permissions.UPDATE);
    Authorization grant = authorizations().createAuthorizationQuery().userIdIn("viberbot").singleResult();
    assertThat(grant.getGroupId()).isNull();
    assertThat(grant.getResourceId()).isEqualTo("pi-1");
    assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isTrue();
  }

  private Authorization grantOf(String group, Resources resource, String id) {
    return authorizations().createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).resourceId(id).singleResult();
  }
}
