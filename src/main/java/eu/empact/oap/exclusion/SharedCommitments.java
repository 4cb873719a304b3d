package eu.empact.oap.exclusion;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.tasks.TaskSubjects;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A missed report of an OA with several leaders is one commitment, shared: when one leader
 * delivers it, it is met for all ({@link Commitments#fulfil}), and each other leader's escalation
 * learns it at once. An escalation with nothing left missing closes as cured and its process ends
 * with the reason; one that still misses something else goes on without the answer task for what
 * was delivered (the last open answer stays, and its completion says the report is in).
 */
@Component
class SharedCommitments {

  private final Commitments commitments;
  private final Escalations escalations;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final TaskSubjects subjects;

  SharedCommitments(Commitments commitments, Escalations escalations, RuntimeService runtime, TaskService tasks,
                    TaskSubjects subjects) {
    this.commitments = commitments;
    this.escalations = escalations;
    this.runtime = runtime;
    this.tasks = tasks;
    this.subjects = subjects;
  }

  /** The other leaders' records of {@code delivered} were fulfilled by it: tell their running escalations. */
  void delivered(Commitment delivered, List<Commitment> alsoFulfilled, String user) {
    for (Commitment other : alsoFulfilled) {
      if (other.escalationId() == null || !escalations.find(other.escalationId()).running()) {
        continue;
      }
      Escalation escalation = escalations.find(other.escalationId());
      String what = other.reference() + ": delivered by " + delivered.actor() + ", which leads the OA too";
      escalations.record(escalation.id(), "FULFILLED", user, what);
      if (commitments.ofEscalation(escalation.id()).stream().allMatch(Commitment::fulfilled)) {
        escalations.close(escalation.id(), Escalation.Outcome.CURED, user, "every missed commitment fulfilled; "
            + what);
        if (escalation.processInstanceId() != null) {
          WithoutAuthorizationChecks.run(() -> runtime.deleteProcessInstanceIfExists(escalation.processInstanceId(),
              "cured: " + what, false, true, false, false));
        }
      } else {
        endAnswer(escalation, other, what);
      }
    }
  }

  /** Ends the answer task for the commitment, unless it is the escalation's last open answer. */
  private void endAnswer(Escalation escalation, Commitment commitment, String reason) {
    if (escalation.processInstanceId() == null) {
      return;
    }
    WithoutAuthorizationChecks.run(() -> {
      List<Task> answers = tasks.createTaskQuery().processInstanceId(escalation.processInstanceId())
          .taskDefinitionKey(ExclusionProcess.TASK_ANSWER_EXHORTATION).list();
      if (answers.size() < 2) {
        return;
      }
      answers.stream().filter(task -> Long.valueOf(commitment.id()).equals(subjects.of(task.getId()).commitmentId()))
          .forEach(task -> {
            String instance = OpenTasks.activityInstance(runtime.getActivityInstance(task.getProcessInstanceId()),
                task.getExecutionId());
            if (instance != null) {
              runtime.createProcessInstanceModification(task.getProcessInstanceId()).cancelActivityInstance(instance)
                  .setAnnotation(reason).execute();
            }
          });
    });
  }
}
