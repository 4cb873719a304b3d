package eu.empact.oap.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collection;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login: a request to {@code /api} without HTTP Basic, from a browser logged in to the Camunda
 * webapps (Tasklist, Cockpit, Admin), is the webapps' user. The webapps keep their login in the
 * HTTP session ({@link AuthenticationUtil#getAuthsFromSession}: one authentication per process
 * engine); this filter reads the one of the application's engine on every request, and nothing
 * else of it: the user's groups come from the engine's identity service as for HTTP Basic
 * ({@link CamundaIdentityAuthenticationProvider}), so a user has the same rights either way. When
 * the webapps log the user out (their logout removes that authentication from the session), the
 * next request to {@code /api} is anonymous: 401.
 */
final class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private final ProcessEngine engine;
  private final CamundaIdentityAuthenticationProvider identity;

  WebappSessionAuthenticationFilter(ProcessEngine engine, CamundaIdentityAuthenticationProvider identity) {
    this.engine = engine;
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    String user = session == null || SecurityContextHolder.getContext().getAuthentication() != null ? null
        : webappUser(session);
    if (user != null && identity.exists(user)) {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(new SessionUser(user, identity.groups(user)));
      SecurityContextHolder.setContext(context);
    }
    chain.doFilter(request, response);
  }

  /** The user the webapps logged in with for the application's engine, or null. */
  private String webappUser(HttpSession session) {
    Authentication login = AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engine.getName());
    return login == null ? null : login.getIdentityId();
  }

  /** A user authenticated by the webapps' session: state-changing calls need the session's CSRF token. */
  static final class SessionUser extends UsernamePasswordAuthenticationToken {
    SessionUser(String user, Collection<? extends GrantedAuthority> groups) {
      super(user, null, groups);
    }
  }
}
