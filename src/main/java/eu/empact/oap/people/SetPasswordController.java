package eu.empact.oap.people;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The page the link of a new account opens ({@code /account/password?token=...}): a form to set
 * the password, which the token alone authorises (no login: the person has no password yet).
 */
@RestController
class SetPasswordController {

  static final String PATH = "/account/password";

  private final Accounts accounts;

  SetPasswordController(Accounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> form(@RequestParam(required = false) String token) {
    Optional<String> user = accounts.userOf(token);
    if (user.isEmpty()) {
      return page(HttpStatus.BAD_REQUEST, "<p>This link is not valid (any more): it works once, for "
          + Accounts.VALID_DAYS + " days. Ask the EMPACT Support Unit for a new one.</p>");
    }
    return page(HttpStatus.OK, form(user.get(), token, null));
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> set(@RequestParam(required = false) String token,
                             @RequestParam(required = false) String password) {
    Optional<String> user = accounts.userOf(token);
    if (user.isEmpty()) {
      return form(token);
    }
    Optional<String> refused = accounts.setPassword(token, password);
    if (refused.isPresent()) {
      return page(HttpStatus.BAD_REQUEST, form(user.get(), token, "Password: " + refused.get()));
    }
    return page(HttpStatus.OK, "<p>Your password is set. Log in to <a href=\"/camunda/app/tasklist/\">Tasklist</a> "
        + "as <b>" + HtmlUtils.htmlEscape(user.get()) + "</b>.</p>");
  }

  private static String form(String user, String token, String problem) {
    return (problem == null ? "" : "<p style=\"color:#a00\">" + HtmlUtils.htmlEscape(problem) + "</p>")
        + "<form method=\"post\" action=\"" + PATH + "\"><p>User id: <b>" + HtmlUtils.htmlEscape(user) + "</b></p>"
        + "<input type=\"hidden\" name=\"token\" value=\"" + HtmlUtils.htmlEscape(token) + "\">"
        + "<p><label>Password <input type=\"password\" name=\"password\" autocomplete=\"new-password\"></label></p>"
        + "<p><button type=\"submit\">Set password</button></p></form>";
  }

  private static ResponseEntity<String> page(HttpStatus status, String body) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>EMPACT OAP workflow: set your password</title>"
            + "</head><body style=\"font-family:sans-serif\"><h1>Set your password</h1>" + body + "</body></html>");
  }
}
