package eu.empact.oap.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/**
 * Grants engine authorizations once: asking twice for the same grant changes nothing, and asking
 * for more permissions on a resource a group already holds some of adds the missing ones (so that
 * a database from an earlier version gets what this one grants at its next start).
 */
@Component
class Authorizations {

  private final AuthorizationService authorizations;

  Authorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** For every user (a global authorization). */
  void grantAll(Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).count() > 0;
    if (!exists) {
      save(authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL), ANY, null, resource, resourceId, permissions);
    }
  }

  void grantGroup(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).list().stream().findFirst().orElse(null);
    if (existing == null) {
      save(authorizations.createNewAuthorization(AUTH_TYPE_GRANT), null, group, resource, resourceId, permissions);
    } else if (!Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
      Arrays.stream(permissions).forEach(existing::addPermission);
      authorizations.saveAuthorization(existing);
    }
  }

  private void save(Authorization authorization, String user, String group, Resource resource, String resourceId,
                    Permission... permissions) {
    authorization.setUserId(user);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
