package eu.empact.oap.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks {@code /api} credentials against the engine's users; the user's groups become its
 * authorities. A user logged in to the webapps gets the same authorities, read the same way on
 * every request ({@link WebappSessionAuthenticationFilter}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;

  CamundaIdentityAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    String password = String.valueOf(authentication.getCredentials());
    if (!identity.checkPassword(user, password)) {
      throw new BadCredentialsException("unknown user or wrong password");
    }
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups(user));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** The user's groups in the engine's identity service, as authorities; none for a user that no longer exists. */
  List<SimpleGrantedAuthority> groups(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
  }

  /** Whether the user still exists (a user deleted in Admin loses a session it still has). */
  boolean exists(String user) {
    return identity.createUserQuery().userId(user).count() == 1;
  }
}
