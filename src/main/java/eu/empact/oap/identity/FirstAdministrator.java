package eu.empact.oap.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The first administrator of the {@code postgres} profile comes from the environment
 * ({@value #USER_VARIABLE}, {@value #PASSWORD_VARIABLE}, mapped to {@code camunda.bpm.admin-user.*}
 * in application-postgres.yaml; the Camunda starter creates that user in {@code camunda-admin}
 * when it does not exist), not from whoever opens the webapp's setup page first, which refuses
 * once an administrator exists. Checks the variables before the engine is built, so that a
 * missing one, or a password the password policy refuses, stops the start with a message saying
 * which variable and why rather than the engine's "Password does not match policy".
 */
@Component
@Profile("postgres")
class FirstAdministrator extends AbstractProcessEnginePlugin {

  static final String USER_VARIABLE = "EMPACT_ADMIN_USER";
  static final String PASSWORD_VARIABLE = "EMPACT_ADMIN_PASSWORD";

  private final AdminUserProperty administrator;

  FirstAdministrator(CamundaBpmProperties camunda) {
    this.administrator = camunda.getAdminUser();
  }

  /** After init, when the engine's password policy exists; before the starter creates the user. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (isBlank(administrator.getId()) || isBlank(administrator.getPassword())) {
      throw new IllegalStateException("The postgres profile needs its first administrator from the environment: set "
          + USER_VARIABLE + " (the user id) and " + PASSWORD_VARIABLE + " (a password that passes the password "
          + "policy)");
    }
    PasswordPolicy policy = configuration.getPasswordPolicy();
    if (configuration.isEnablePasswordPolicy() && policy != null) {
      List<String> failed = policy.getRules().stream()
          .filter(rule -> !rule.execute(administrator.getPassword(), administrator))
          .map(FirstAdministrator::describe).toList();
      if (!failed.isEmpty()) {
        throw new IllegalStateException(PASSWORD_VARIABLE + " does not pass the password policy, which asks for "
            + String.join(", ", failed));
      }
    }
  }

  /** A rule as its placeholder and parameters say it: "length {minLength=10}", "user data". */
  private static String describe(PasswordPolicyRule rule) {
    String name = rule.getPlaceholder().replace("PASSWORD_POLICY_", "").replace('_', ' ').toLowerCase();
    Map<String, String> parameters = rule.getParameters();
    return name.equals("user data") ? "no user data (id, names, e-mail address) in the password"
        : parameters == null ? name : name + " " + parameters;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
