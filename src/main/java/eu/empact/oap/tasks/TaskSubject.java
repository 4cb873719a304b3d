package eu.empact.oap.tasks;

/**
 * What a user task is about, recorded by the server when the task was created: the OAP and its
 * version, the reporting round, the actor (Member State, agency ...) the task is for, the OA, the
 * escalation and missed commitment, the activity. Whatever is null does not apply to the task.
 * A task's listener reads it back on completion instead of trusting process variables.
 * {@code onBehalfOf}: the actor the EMPACT Support Unit does the task for, because nobody acted for
 * it when the task was created ({@link TaskRouting}); what it decides is recorded as done on the
 * actor's behalf.
 */
public record TaskSubject(String processKey, Long oapId, Integer revision, Integer round, String actor, String oaRef,
                          Long escalationId, Long commitmentId, Long activityId, String onBehalfOf) {

  public TaskSubject(String processKey, Long oapId, Integer revision, Integer round, String actor, String oaRef,
                     Long escalationId, Long commitmentId, Long activityId) {
    this(processKey, oapId, revision, round, actor, oaRef, escalationId, commitmentId, activityId, null);
  }

  public static TaskSubject of(String processKey, long oapId) {
    return new TaskSubject(processKey, oapId, null, null, null, null, null, null, null);
  }

  public TaskSubject withOnBehalfOf(String actor) {
    return new TaskSubject(processKey, oapId, revision, round, this.actor, oaRef, escalationId, commitmentId,
        activityId, actor);
  }

  public TaskSubject withRevision(Integer revision) {
    return new TaskSubject(processKey, oapId, revision, round, actor, oaRef, escalationId, commitmentId, activityId, onBehalfOf);
  }

  public TaskSubject withRound(Integer round) {
    return new TaskSubject(processKey, oapId, revision, round, actor, oaRef, escalationId, commitmentId, activityId, onBehalfOf);
  }

  public TaskSubject withActor(String actor) {
    return new TaskSubject(processKey, oapId, revision, round, actor, oaRef, escalationId, commitmentId, activityId, onBehalfOf);
  }

  public TaskSubject withOaRef(String oaRef) {
    return new TaskSubject(processKey, oapId, revision, round, actor, oaRef, escalationId, commitmentId, activityId, onBehalfOf);
  }

  public TaskSubject withEscalation(Long escalationId, Long commitmentId) {
    return new TaskSubject(processKey, oapId, revision, round, actor, oaRef, escalationId, commitmentId, activityId, onBehalfOf);
  }

  public TaskSubject withActivity(Long activityId) {
    return new TaskSubject(processKey, oapId, revision, round, actor, oaRef, escalationId, commitmentId, activityId, onBehalfOf);
  }
}
