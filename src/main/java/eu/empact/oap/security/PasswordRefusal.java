package eu.empact.oap.security;

import eu.empact.oap.tasks.FieldProblem;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;

/**
 * A new password checked against the password policy before the engine saves the user: the
 * engine refuses a weak one with "Password does not match policy" (HTTP 500 on its REST API);
 * here it is a 400 that says which rules the password breaks.
 */
final class PasswordRefusal {

  private PasswordRefusal() {}

  /** The refusal of the password, or null when it meets the policy. */
  static EngineRefusals.Refused of(IdentityService identity, String password, User user) {
    PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password, user);
    if (result.isValid()) {
      return null;
    }
    List<String> rules = result.getViolatedRules().stream().map(PasswordRefusal::rule).toList();
    return new EngineRefusals.Refused("The password was not accepted", List.of(new FieldProblem("password",
        "Password", "does not meet the password policy: " + String.join("; ", rules))));
  }

  private static String rule(PasswordPolicyRule rule) {
    Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "at least " + parameters.get("minLength") + " characters";
      case "PASSWORD_POLICY_LOWERCASE" -> "at least " + parameters.get("minLowerCase") + " lower-case letter(s)";
      case "PASSWORD_POLICY_UPPERCASE" -> "at least " + parameters.get("minUpperCase") + " upper-case letter(s)";
      case "PASSWORD_POLICY_DIGIT" -> "at least " + parameters.get("minDigit") + " digit(s)";
      case "PASSWORD_POLICY_SPECIAL" -> "at least " + parameters.get("minSpecial") + " special character(s)";
      case "PASSWORD_POLICY_USER_DATA" -> "not the user's id, names or e-mail address";
      default -> rule.getPlaceholder();
    };
  }
}
