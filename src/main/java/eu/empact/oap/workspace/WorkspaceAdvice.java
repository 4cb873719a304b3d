package eu.empact.oap.workspace;

import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page of the workspace has: the header (who is logged in; Tasklist, Cockpit, logout),
 * and refusals as pages in words: 403 with the reason, 404, 400 for a wrong parameter, and 500 with
 * a reference to the log for anything unexpected. Before {@code /api}'s handler, which answers
 * problem details in JSON.
 */
@ControllerAdvice(basePackageClasses = WorkspaceAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkspaceAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceAdvice.class);

  private final String webapps;
  private final String engine;

  WorkspaceAdvice(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath, ProcessEngine engine) {
    this.webapps = webappPath.replaceAll("/+$", "");
    this.engine = engine.getName();
  }

  /**
   * The header of every page, context-relative paths: the user, Tasklist, Cockpit (for those who
   * use it: the Support Unit, administrators) and the webapps' logout, which logs out of the
   * workspace too (one login, ADR 11).
   */
  record Header(String user, String tasklist, String cockpit, String logout, String tokenSource) {}

  @ModelAttribute("header")
  Header header(Authentication user) {
    boolean cockpit = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(group -> group.equals(EmpactGroups.SUPPORT_UNIT) || group.equals(EmpactGroups.ADMINISTRATORS));
    return new Header(user.getName(), webapps + "/app/tasklist/" + engine + "/",
        cockpit ? webapps + "/app/cockpit/" + engine + "/" : null,
        webapps + "/api/admin/auth/user/" + engine + "/logout", "/api/actors");
  }

  @ExceptionHandler
  ModelAndView forbidden(AccessDeniedException e) {
    return error(HttpStatus.FORBIDDEN, "Not for you", e.getMessage());
  }

  @ExceptionHandler
  ModelAndView refused(ProblemException e) {
    return error(e.status(), e.status() == HttpStatus.NOT_FOUND ? "Not found" : "Refused", e.getMessage());
  }

  @ExceptionHandler
  ModelAndView badParameter(MethodArgumentTypeMismatchException e) {
    return error(HttpStatus.BAD_REQUEST, "Not a valid address", "'" + e.getValue() + "' is not a valid " + e.getName());
  }

  @ExceptionHandler
  ModelAndView missingParameter(MissingServletRequestParameterException e) {
    return error(HttpStatus.BAD_REQUEST, "Not a valid address", "the parameter " + e.getParameterName()
        + " is missing");
  }

  @ExceptionHandler
  ModelAndView unexpected(Exception e, HttpServletRequest request) {
    String reference = UUID.randomUUID().toString();
    LOG.error("{} {} failed (reference {})", request.getMethod(), request.getRequestURI(), reference, e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
        "The page could not be shown; the log has what happened under the reference " + reference + ".");
  }

  private ModelAndView error(HttpStatus status, String title, String detail) {
    ModelAndView page = new ModelAndView("workspace/error", status);
    page.addObject("title", title);
    page.addObject("detail", detail);
    page.addObject("status", status.value());
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user != null) {
      page.addObject("header", header(user));
    }
    return page;
  }
}
