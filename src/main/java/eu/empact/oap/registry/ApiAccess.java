package eu.empact.oap.registry;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may do what on {@code /api}, apart from reading an OAP ({@link OapAccess}). The authorities
 * of a user are its Camunda groups (the authentication provider of {@code /api} in {@code system});
 * only those that are EMPACT roles ({@link EmpactGroups#isEmpactRole}) count. A refusal answers 403
 * with the reason.
 */
@Component
public class ApiAccess {

  /** Anything on {@code /api}: a user who holds an EMPACT role; membership of any other group is not one. */
  public void requireEmpactRole(Authentication user) {
    if (roles(user).isEmpty()) {
      throw new AccessDeniedException(user.getName() + " holds no EMPACT role");
    }
  }

  /** Bringing a new OAP into the registry: the EMPACT Support Unit and administrators. */
  public void requireCanImport(Authentication user) {
    requireOneOf(user, "import OAPs", EmpactGroups.SUPPORT_UNIT, EmpactGroups.ADMINISTRATORS);
  }

  /** Changing an OAP's draft: its Driver, the EMPACT Support Unit and administrators. */
  public void requireCanEdit(Authentication user, long oapId) {
    requireOneOf(user, "change OAP " + oapId, EmpactGroups.driver(oapId), EmpactGroups.SUPPORT_UNIT,
        EmpactGroups.ADMINISTRATORS);
  }

  /**
   * Naming the people of an OAP (its directory): the EMPACT Support Unit and administrators for
   * every OAP, the OAP's Driver for its own.
   */
  public void requireCanManagePeople(Authentication user, long oapId) {
    requireOneOf(user, "name the people of OAP " + oapId, EmpactGroups.driver(oapId), EmpactGroups.SUPPORT_UNIT,
        EmpactGroups.ADMINISTRATORS);
  }

  public void requireAdministrator(Authentication user) {
    requireOneOf(user, "read every notification", EmpactGroups.ADMINISTRATORS);
  }

  public void requireOneOf(Authentication user, String action, String... allowed) {
    Set<String> roles = roles(user);
    if (Arrays.stream(allowed).noneMatch(roles::contains)) {
      throw new AccessDeniedException(user.getName() + " may not " + action + " (needs one of the groups "
          + String.join(", ", allowed) + ")");
    }
  }

  /** The user's groups that are EMPACT roles. */
  static Set<String> roles(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(EmpactGroups::isEmpactRole)
        .collect(Collectors.toSet());
  }
}
