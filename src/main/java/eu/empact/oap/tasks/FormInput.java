package eu.empact.oap.tasks;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a task's form sent, as the form check read it: only the form's editable fields that were
 * shown, each in its field's type (text, whole or decimal number, yes/no, date, list of choices).
 * Never a process variable: the engine does not keep it; the task's listener records what it needs.
 */
public final class FormInput {

  private final Map<String, Object> values;
  private final List<FieldProblem> rejected;
  private final List<FieldProblem> missing;
  private boolean read;

  FormInput(Map<String, Object> values, List<FieldProblem> rejected, List<FieldProblem> missing) {
    this.values = Map.copyOf(values);
    this.rejected = List.copyOf(rejected);
    this.missing = List.copyOf(missing);
  }

  public static FormInput empty() {
    return new FormInput(Map.of(), List.of(), List.of());
  }

  /** The text of a field, trimmed; null when it was left empty. */
  public String text(String field) {
    Object value = values.get(field);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  public LocalDate date(String field) {
    return (LocalDate) values.get(field);
  }

  public Number number(String field) {
    return (Number) values.get(field);
  }

  public boolean checked(String field) {
    return Boolean.TRUE.equals(values.get(field));
  }

  @SuppressWarnings("unchecked")
  public List<String> list(String field) {
    Object value = values.get(field);
    return value == null ? List.of() : (List<String>) value;
  }

  public Map<String, Object> values() {
    return values;
  }

  /** The values sent that are not of their field's type or outside its limits: they are not in {@link #values()}. */
  public List<FieldProblem> rejected() {
    return rejected;
  }

  /** The required fields the form shows that were left empty, each as a problem "is required". */
  public List<FieldProblem> missing() {
    return missing;
  }

  /** Whether anything sent was rejected or left empty. */
  public boolean refused() {
    return !rejected.isEmpty() || !missing.isEmpty();
  }

  /** Every problem of the form itself, to refuse with when no listener adds its own. */
  public List<FieldProblem> problems() {
    return java.util.stream.Stream.concat(rejected.stream(), missing.stream()).toList();
  }

  /** Whether a task listener took this input, and with it the duty to refuse the missing fields. */
  public boolean taken() {
    return read;
  }

  FormInput take() {
    read = true;
    return this;
  }
}
