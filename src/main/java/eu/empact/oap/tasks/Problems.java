package eu.empact.oap.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The problems found in one submission, collected so that one answer names them all. */
public final class Problems {

  private final List<FieldProblem> found = new ArrayList<>();
  private final List<FieldProblem> rejected;
  private final List<FieldProblem> missing;

  public Problems() {
    this(FormInput.empty());
  }

  /**
   * Starts from what the form check found: values it rejected (which stand, whatever a listener
   * says of the same field) and required fields left empty (refused as "is required" unless a
   * listener says more precisely why the field is needed).
   */
  public Problems(FormInput form) {
    this.rejected = form.rejected();
    this.missing = form.missing();
  }

  public Problems add(String field, String reason) {
    found.add(FieldProblem.of(field, reason));
    return this;
  }

  /** Adds what a refusal thrown by a service (a rejected report ...) names. */
  public Problems addAll(List<FieldProblem> problems) {
    found.addAll(problems);
    return this;
  }

  public boolean isEmpty() {
    return found.isEmpty() && rejected.isEmpty() && missing.isEmpty();
  }

  /** Refuses the submission if anything was found, rejected or left empty: every problem in one refusal. */
  public void refuseIfAny() {
    if (isEmpty()) {
      return;
    }
    List<FieldProblem> all = new ArrayList<>(rejected);
    found.stream().filter(f -> named(rejected, f) == 0).forEach(all::add);
    missing.stream().filter(m -> named(rejected, m) + named(found, m) == 0).forEach(all::add);
    throw new FormRefusal(all);
  }

  private static long named(List<FieldProblem> problems, FieldProblem problem) {
    return problems.stream().filter(p -> p.field() != null && Objects.equals(p.field(), problem.field())).count();
  }
}
