package eu.empact.oap.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.delegate.TaskListener.EVENTNAME_COMPLETE;
import static org.camunda.bpm.engine.delegate.TaskListener.EVENTNAME_CREATE;

import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.support.FakeDelegateTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/**
 * The one shape of every task listener, without an engine or a database: a fake task, the subject
 * kept in a map, and a listener whose completion a test writes.
 */
class FormTaskListenerTest {

  static final TaskSubject SUBJECT = TaskSubject.of("oap-adoption", 7).withRevision(1);

  final Map<String, TaskSubject> recorded = new HashMap<>();
  /** Who a task goes to is {@code TaskRouting}'s (tested with the engine): here each task stays as created. */
  final TaskRouting routing = new TaskRouting(null, null, null, null, null) {
    @Override
    void route(DelegateTask task, TaskSubject subject) {}
  };
  final TaskSubjects subjects = new TaskSubjects(null, null, routing) {
    @Override
    public TaskSubject record(String taskId, TaskSubject subject) {
      recorded.put(taskId, subject);
      return subject;
    }

    @Override
    public TaskSubject of(String taskId) {
      return recorded.get(taskId);
    }
  };
  final List<FormTaskListener.Completion> completions = new ArrayList<>();

  /** A listener that names its task {@code name} and completes as {@code onComplete} says. */
  FormTaskListener listener(String name, Consumer<FormTaskListener.Completion> onComplete) {
    return new FormTaskListener(subjects) {
      @Override
      protected TaskSubject subject(DelegateTask task) {
        return TaskSubject.of("oap-adoption", ((Number) task.getVariable("oapId")).longValue()).withRevision(1);
      }

      @Override
      protected void created(DelegateTask task, TaskSubject subject) {
        name(task, name);
        task.setVariableLocal("shown", FormText.of("OAP " + subject.oapId()));
      }

      @Override
      protected void completed(Completion completion) {
        completions.add(completion);
        onComplete.accept(completion);
      }
    };
  }

  static void complete(FormTaskListener listener, DelegateTask task, Map<String, Object> sent) {
    SubmittedForms.completing(task.getId(), new FormInput(sent, List.of(), List.of()), () -> {
      listener.notify(task);
      return null;
    });
  }

  @Test
  void onCreateRecordsTheSubjectReadFromTheProcessAndNamesTheTask() {
    FakeDelegateTask task = FakeDelegateTask.withId("task-1").variable("oapId", 7L);

    listener("Draft OAP Migrant smuggling REV 1", c -> { }).notify(task.on(EVENTNAME_CREATE));

    assertThat(recorded).containsEntry("task-1", SUBJECT);
    assertThat(task.name()).isEqualTo("Draft OAP Migrant smuggling REV 1");
    assertThat(task.local()).containsKey("shown");
  }

  @Test
  void aNameLongerThanTheEngineStoresIsCutWithAnEllipsis() {
    FakeDelegateTask task = FakeDelegateTask.withId("task-1").variable("oapId", 7L);

    listener("x".repeat(300), c -> { }).notify(task.on(EVENTNAME_CREATE));

    assertThat(task.name()).hasSize(FormTaskListener.NAME_LENGTH).endsWith("x…");
  }

  @Test
  void onCompleteHandsOverTheRecordedSubjectWhatTheFormSentAndWhoActed() {
    recorded.put("task-1", SUBJECT);
    FakeDelegateTask task = FakeDelegateTask.withId("task-1").assignee("driver").authenticated("codriver");

    complete(listener("", c -> { }), task.on(EVENTNAME_COMPLETE), Map.of("comments", "  fine  "));

    assertThat(completions).singleElement().satisfies(c -> {
      assertThat(c.subject()).isEqualTo(SUBJECT);
      assertThat(c.text("comments")).isEqualTo("fine");
      assertThat(c.user()).isEqualTo("codriver");
    });
  }

  @Test
  void withoutAnAuthenticatedUserTheAssigneeActs() {
    recorded.put("task-1", SUBJECT);

    complete(listener("", c -> { }), FakeDelegateTask.withId("task-1").assignee("driver").on(EVENTNAME_COMPLETE),
        Map.of());

    assertThat(completions).singleElement().extracting(FormTaskListener.Completion::user).isEqualTo("driver");
  }

  @Test
  void sendingBackWithoutCommentsIsRefusedNamingTheField() {
    recorded.put("task-1", SUBJECT);
    DelegateTask task = FakeDelegateTask.withId("task-1").on(EVENTNAME_COMPLETE);

    assertThatThrownBy(() -> complete(listener("", c -> c.decide(Decision.RETURN, "say what to change")), task,
        Map.of("decision", "return")))
        .isInstanceOfSatisfying(FormRefusal.class, refusal -> assertThat(refusal.problems())
            .containsExactly(FieldProblem.of("comments", "say what to change")));
  }

  @Test
  void noDecisionIsRefusedAsChooseOne() {
    recorded.put("task-1", SUBJECT);
    DelegateTask task = FakeDelegateTask.withId("task-1").on(EVENTNAME_COMPLETE);

    assertThatThrownBy(() -> complete(listener("", c -> c.decide(Decision.RETURN, "why")), task, Map.of()))
        .isInstanceOfSatisfying(FormRefusal.class, refusal -> assertThat(refusal.problems())
            .containsExactly(FieldProblem.of("decision", "choose one")));
  }

  @Test
  void aRegistryConflictRefusesTheWholeFormWithItsReason() {
    recorded.put("task-1", SUBJECT);
    DelegateTask task = FakeDelegateTask.withId("task-1").on(EVENTNAME_COMPLETE);

    assertThatThrownBy(() -> complete(listener("", c -> {
      throw new RegistryConflictException("the draft of OAP 7 is frozen");
    }), task, Map.of()))
        .isInstanceOfSatisfying(FormRefusal.class, refusal -> assertThat(refusal.problems())
            .containsExactly(FieldProblem.of(null, "the draft of OAP 7 is frozen")));
  }

  @Test
  void anyOtherExceptionIsATechnicalFaultAndPassesThrough() {
    recorded.put("task-1", SUBJECT);
    DelegateTask task = FakeDelegateTask.withId("task-1").on(EVENTNAME_COMPLETE);

    assertThatThrownBy(() -> complete(listener("", c -> {
      throw new IllegalStateException("database gone");
    }), task, Map.of())).isExactlyInstanceOf(IllegalStateException.class).hasMessage("database gone");
  }
}
