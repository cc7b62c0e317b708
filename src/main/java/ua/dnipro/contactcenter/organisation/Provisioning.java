package ua.dnipro.contactcenter.organisation;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * The one way the application makes groups, accounts, memberships and grants exist in the engine:
 * idempotently, so that every start may run it again, and only ever adding (a group or grant removed
 * from the configuration stays until an administrator removes it).
 */
public final class Provisioning {

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public Provisioning(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  /**
   * A group with this id, created with the name and type (the engine's {@code Groups.GROUP_TYPE_*}) if missing.
   *
   * @return whether it was created
   */
  public boolean group(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() > 0) {
      return false;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
    return true;
  }

  /**
   * An account whose password is the configured one: created if missing, its password set again if
   * not. Set, never compared: a comparison that fails counts as a failed login and locks the account.
   *
   * @return whether it was created
   */
  public boolean account(String id, String firstName, String lastName, String password) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    boolean created = user == null;
    if (created) {
      user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
    }
    user.setPassword(password);
    identityService.saveUser(user);
    return created;
  }

  public boolean accountExists(String id) {
    return identityService.createUserQuery().userId(id).count() > 0;
  }

  /** An account created only if missing: one that exists keeps whatever password its owner gave it. */
  public boolean accountIfAbsent(String id, String firstName, String lastName, String password) {
    return !accountExists(id) && account(id, firstName, lastName, password);
  }

  public void member(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }

  /** A group's grant on a resource with at least these permissions: created, or completed if one is missing. */
  public void grantToGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization grant = authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (grant == null) {
      grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    } else if (Arrays.stream(permissions).allMatch(grant::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizationService.saveAuthorization(grant);
  }

  /**
   * A group's grant on a resource, made only if the group has no authorization there at all: one an
   * administrator narrowed, or revoked, stays as they left it.
   */
  public void grantToGroupIfAbsent(String groupId, Resource resource, String resourceId, Permission... permissions) {
    if (authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .count() == 0) {
      grantNew(authorizationService, Grantee.group(groupId), resource, resourceId, permissions);
    }
  }

  /** Who a grant made while complaints are worked is for: one user, or one group. */
  public record Grantee(String userId, String groupId) {
    public static Grantee user(String userId) {
      return new Grantee(userId, null);
    }

    public static Grantee group(String groupId) {
      return new Grantee(null, groupId);
    }
  }

  /**
   * A new grant on one resource, as the process makes them on the resources it creates (a fresh id,
   * so no grant exists yet and none is looked up: this runs in the filing's transaction).
   */
  public static void grantNew(AuthorizationService authorizations, Grantee grantee, Resource resource,
      String resourceId, Permission... permissions) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(grantee.userId());
    grant.setGroupId(grantee.groupId());
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }
}
