package eu.empact.oap.system;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * The webapps' CSRF token, used by {@code /api} as it is: one token per HTTP session, kept where
 * the webapps' {@link CsrfPreventionFilter} keeps it, handed to the browser in its
 * {@code XSRF-TOKEN} cookie and {@code X-XSRF-TOKEN} header, and sent back in the
 * {@code X-XSRF-TOKEN} header, or, from a form of the application's own pages (the drafting page),
 * in the form field {@code _csrf} that Spring's form tags add. This is the webapps' own filter, configured as theirs
 * ({@code camunda.bpm.webapp.csrf.*}), so that a token {@code /api} hands out is the one the webapps
 * check, with the same cookie, and the other way round.
 */
final class WebappCsrfToken extends CsrfPreventionFilter {

  static final String HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;
  /** The form field that carries the token in a form posted from a page (Spring's name, which its form tags fill). */
  static final String FIELD = "_csrf";

  WebappCsrfToken(Map<String, String> webappCsrfSettings) {
    try {
      init(new Settings(webappCsrfSettings));
    } catch (ServletException e) {
      throw new IllegalStateException("the webapps' CSRF settings (camunda.bpm.webapp.csrf) are invalid", e);
    }
  }

  /** The session's token, handed out as the webapps do when the session has none yet. */
  String issue(HttpServletRequest request, HttpServletResponse response) {
    setCSRFToken(request, response);
    return (String) request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
  }

  /**
   * Whether the request carries its session's token: in the {@code X-XSRF-TOKEN} header, or in the
   * {@code _csrf} field of a form it posts (never in the address, where it would leak to logs).
   */
  boolean sentWith(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(HEADER);
    if ((sent == null || sent.isBlank()) && postsAForm(request)) {
      sent = request.getParameter(FIELD);
    }
    return token instanceof String expected && sent != null && !sent.isBlank()
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean postsAForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
        && (request.getQueryString() == null || !request.getQueryString().contains(FIELD + "="));
  }

  /** The filter's settings as the webapps' filter gets them. */
  private record Settings(Map<String, String> parameters) implements FilterConfig {
    @Override
    public String getFilterName() {
      return "api-csrf";
    }

    @Override
    public ServletContext getServletContext() {
      throw new UnsupportedOperationException("the CSRF filter reads its settings only");
    }

    @Override
    public String getInitParameter(String name) {
      return parameters.get(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }
  }
}
