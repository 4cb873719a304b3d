package eu.empact.oap.tasks;

import java.util.List;

/**
 * A refusal by a service that a task's listener calls (a report that does not hold up), which
 * can say which of the form's fields each of its problems is about: the task's listener refuses
 * the form with them, together with what the form check found.
 */
public interface RefusedFields {

  List<FieldProblem> fieldProblems();
}
