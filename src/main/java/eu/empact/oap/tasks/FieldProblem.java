package eu.empact.oap.tasks;

/**
 * One thing wrong with what a form sent: the field's key, its label as the form shows it (once
 * known), and why. A problem of the whole form has no field.
 */
public record FieldProblem(String field, String label, String reason) {

  public static FieldProblem of(String field, String reason) {
    return new FieldProblem(field, null, reason);
  }

  /** "Decision: choose one of ...", or the reason alone for the whole form. */
  public String sentence() {
    String name = label != null ? label : field;
    return name == null ? reason : name + ": " + reason;
  }
}
