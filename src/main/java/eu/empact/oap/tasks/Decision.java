package eu.empact.oap.tasks;

import java.util.Arrays;
import java.util.Locale;

/**
 * Every decision a task form offers (the {@code decision} field's choices), as the form sends it
 * and the models' gateways read it ({@code ${outcome == 'return'}}). {@code ProcessKitsTest} holds
 * the forms' choices and the models' conditions to these values.
 */
public enum Decision {
  ACCEPT, ADOPT, AGREE, APPROVE, CONFIRM, CONTINUE, DECLINE, ENDORSE, EXCLUDE, KEEP, NOTED, REFUSE, RETURN, REVISE,
  UPDATE;

  /** As the forms send it and the conditions compare it: {@code return}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The decision a form sent; the form check allows only the form's choices. */
  public static Decision of(String value) {
    return Arrays.stream(values()).filter(decision -> decision.value().equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no decision '" + value + "'"));
  }
}
