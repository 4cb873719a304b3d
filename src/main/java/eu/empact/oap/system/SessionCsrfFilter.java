package eu.empact.oap.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.empact.oap.system.WebappSessionAuthenticationFilter.SessionUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection of {@code /api} as the webapps have it: a call that may change something (any
 * method but GET, HEAD, OPTIONS) made with the webapps' session must send the session's token in
 * the {@code X-XSRF-TOKEN} header, or a form of the application's pages in its {@code _csrf} field
 * ({@link WebappCsrfToken}); every call with the session gets the token in that response header,
 * and a page rendered for it gets the token as Spring's {@link CsrfToken} request attribute, which
 * the forms of its templates ({@code th:action}) carry as a hidden {@code _csrf} field. A call
 * with HTTP Basic (a script) needs no token, unless a browser says that another site sent it
 * ({@code Sec-Fetch-Site}: a browser that once asked its user for the password sends it along with
 * any site's form). Unlike the webapps, a refused call
 * does not end the session, so that another site cannot log people out either.
 */
final class SessionCsrfFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> FROM_ANOTHER_SITE = Set.of("cross-site", "same-site");

  private final WebappCsrfToken token;
  private final ObjectMapper json;

  SessionCsrfFilter(WebappCsrfToken token, ObjectMapper json) {
    this.token = token;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    boolean safe = SAFE_METHODS.contains(request.getMethod());
    if (user instanceof SessionUser) {
      if (!safe && !token.sentWith(request)) {
        SecurityConfiguration.problem(response, json, HttpStatus.FORBIDDEN, "a call with the webapps' session "
            + "must send its CSRF token in the " + WebappCsrfToken.HEADER + " header (a page's form: in its "
            + WebappCsrfToken.FIELD + " field; reload the page): the value of the XSRF-TOKEN "
            + "cookie or of the " + WebappCsrfToken.HEADER + " header of any GET with the session");
        return;
      }
      String issued = token.issue(request, response);
      response.setHeader(WebappCsrfToken.HEADER, issued);
      CsrfToken forPages = new DefaultCsrfToken(WebappCsrfToken.HEADER, WebappCsrfToken.FIELD, issued);
      request.setAttribute(CsrfToken.class.getName(), forPages);
      request.setAttribute(forPages.getParameterName(), forPages);
    } else if (!safe && fromAnotherSite(request)) {
      SecurityConfiguration.problem(response, json, HttpStatus.FORBIDDEN, "another site's page may not change "
          + "anything here; call from the application's own pages or from a script");
      return;
    }
    chain.doFilter(request, response);
  }

  /** What the browser says of the page that sent the request (scripts say nothing). */
  private static boolean fromAnotherSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    return site != null && FROM_ANOTHER_SITE.contains(site);
  }
}
