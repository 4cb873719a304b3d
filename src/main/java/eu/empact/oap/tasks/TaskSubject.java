package eu.empact.oap.tasks;

/**
 * What a user task is about, recorded by the server when the task was created: the OAP and its
 * version, the reporting round, the actor (Member State, agency ...) the task is for, the OA, the
 * escalation and missed commitment, the activity. Whatever is null does not apply to the task.
 * A task's listener reads it back on completion instead of trusting process variables.
 */
public record TaskSubject(String processKey, Long oapId, Integer revision, Integer round, String actor, String oaRef,
                          Long escalationId, Long commitmentId, Long activityId) {

  public static TaskSubject of(String processKey, long oapId) {
    return new TaskSubject(processKey, oapId, null, null, null, null, null, null, null);
  }

  public TaskSubject withRevision(Integer revision) {
    return new TaskSubject(processKey, oapId, revision, round, actor, oaRef, escalationId, commitmentId, activityId);
  }

  public TaskSubject withRound(Integer round) {
    return new TaskSubject(processKey, oapId, revision, round, actor, oaRef, escalationId, commitmentId, activityId);
  }

  public TaskSubject withActor(String actor) {
    return new TaskSubject(processKey, oapId, revision, round, actor, oaRef, escalationId, commitmentId, activityId);
  }

  public TaskSubject withOaRef(String oaRef) {
    return new TaskSubject(processKey, oapId, revision, round, actor, oaRef, escalationId, commitmentId, activityId);
  }

  public TaskSubject withEscalation(Long escalationId, Long commitmentId) {
    return new TaskSubject(processKey, oapId, revision, round, actor, oaRef, escalationId, commitmentId, activityId);
  }

  public TaskSubject withActivity(Long activityId) {
    return new TaskSubject(processKey, oapId, revision, round, actor, oaRef, escalationId, commitmentId, activityId);
  }
}
