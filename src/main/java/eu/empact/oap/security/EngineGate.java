package eu.empact.oap.security;

import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.tasks.FieldProblem;
import eu.empact.oap.tasks.FormRefusal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetExternalTaskRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTaskPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDescriptionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskNameCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The gate in front of the engine, on every path into it: {@code /engine-rest}, the webapps' own
 * engine API that Tasklist and Cockpit call, and the Java API. It sees each command a caller
 * starts (not the engine's own nested ones) and decides before the engine runs it:
 * <ul>
 *   <li>a user task is completed only through its form ({@link FormCompletion}), whoever completes it;</li>
 *   <li>a person (any authenticated user but an administrator) writes no variable outside a form,
 *   starts a process only through its start form ({@link StartFormCheck}), does not change who a
 *   task is for or when it is due, assigns a task only within its candidate groups, and does not
 *   touch jobs, incidents, messages or signals (the application does, or an administrator);</li>
 *   <li>what the application itself runs (no authenticated user) and administrators pass as they are.</li>
 * </ul>
 * A refusal is logged as one WARN line and remembered for {@link EngineProblemFilter}, which
 * answers it as an RFC 9457 problem; an unexpected failure is logged once with its stack trace and
 * a reference the answer carries instead of the engine's message. Completions in one process
 * instance wait for each other ({@link InstanceLock}); one that still collides with parallel work
 * (optimistic locking, a deadlock) is run again, so that people working at the same moment see no error.
 */
final class EngineGate extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(EngineGate.class);
  private static final int COMPLETION_ATTEMPTS = 4;
  private static final int COMMENT_LENGTH = 4000;

  /** What a person may not do on any engine API, and what the refusal says. */
  private static final Map<Class<?>, String> DENIED = denied();

  private final Supplier<IdentityService> identity;
  private final BooleanSupplier policy;
  private final TaskForms forms;

  /**
   * @param identity the engine's identity service, known once the engine is built
   * @param policy whether new passwords must meet the password policy
   */
  EngineGate(Supplier<IdentityService> identity, BooleanSupplier policy, TaskForms forms) {
    this.identity = identity;
    this.policy = policy;
    this.forms = forms;
  }

  private static Map<Class<?>, String> denied() {
    Map<Class<?>, String> denied = new LinkedHashMap<>();
    String links = "who a task is for is decided by the process; it cannot be changed";
    denied.put(AbstractAddIdentityLinkCmd.class, links);
    denied.put(DeleteIdentityLinkCmd.class, links);
    String properties = "a task's name, description, due date, priority and owner are set by the process";
    for (Class<?> set : List.of(SetTaskOwnerCmd.class, SetTaskPriorityCmd.class, SetTaskNameCmd.class,
        SetTaskDescriptionCmd.class, SetTaskDueDateCmd.class)) {
      denied.put(set, properties);
    }
    String delegation = "tasks are not delegated: assign the task to a colleague of the same group instead";
    denied.put(DelegateTaskCmd.class, delegation);
    denied.put(ResolveTaskCmd.class, delegation);
    denied.put(HandleTaskBpmnErrorCmd.class, "a task ends by completing its form");
    denied.put(HandleTaskEscalationCmd.class, "a task ends by completing its form");
    denied.put(StartProcessInstanceAtActivitiesCmd.class, "a process starts at its start event, with its start form");
    String messages = "messages and signals are sent by the application";
    for (Class<?> message : List.of(AbstractCorrelateMessageCmd.class, MessageEventReceivedCmd.class, SignalCmd.class,
        SignalEventReceivedCmd.class)) {
      denied.put(message, messages);
    }
    String jobs = "only administrators execute, retry or reschedule jobs";
    for (Class<?> job : List.of(ExecuteJobsCmd.class, FailedJobListener.class, SetJobRetriesCmd.class,
        AbstractSetJobsRetriesBatchCmd.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class,
        SetJobPriorityCmd.class, SetJobDefinitionPriorityCmd.class, DeleteJobCmd.class, DeleteJobsCmd.class,
        AbstractSetJobStateCmd.class, AbstractSetJobDefinitionStateCmd.class, UnlockJobCmd.class)) {
      denied.put(job, jobs);
    }
    String incidents = "only administrators handle incidents";
    for (Class<?> incident : List.of(CreateIncidentCmd.class, ResolveIncidentCmd.class,
        SetAnnotationForIncidentCmd.class)) {
      denied.put(incident, incidents);
    }
    String external = "the processes have no external tasks";
    for (Class<?> task : List.of(FetchExternalTasksCmd.class, ExternalTaskCmd.class,
        AbstractSetExternalTaskRetriesCmd.class, SetExternalTaskPriorityCmd.class)) {
      denied.put(task, external);
    }
    return Map.copyOf(denied);
  }

  /** Fails at start-up if this engine's commands do not keep what the gate reads where it reads it. */
  static void checkEngine() {
    CommandFields.require(CompleteTaskCmd.class, "taskId");
    CommandFields.require(CompleteTaskCmd.class, "variables");
    CommandFields.require(CompleteTaskCmd.class, "returnVariables");
    CommandFields.require(CompleteTaskCmd.class, "deserializeReturnedVariables");
    CommandFields.require(SubmitTaskFormCmd.class, "taskId");
    CommandFields.require(SubmitTaskFormCmd.class, "properties");
    CommandFields.require(SubmitTaskFormCmd.class, "returnVariables");
    CommandFields.require(SubmitTaskFormCmd.class, "deserializeValues");
    CommandFields.require(StartProcessInstanceCmd.class, "instantiationBuilder");
    CommandFields.require(SubmitStartFormCmd.class, "processDefinitionId");
    CommandFields.require(SubmitStartFormCmd.class, "businessKey");
    CommandFields.require(SubmitStartFormCmd.class, "variables");
    CommandFields.require(ClaimTaskCmd.class, "userId");
    CommandFields.require(AssignTaskCmd.class, "taskId");
    CommandFields.require(AssignTaskCmd.class, "userId");
    CommandFields.require(SaveTaskCmd.class, "task");
    CommandFields.require(AddCommentCmd.class, "message");
    CommandFields.require(SaveUserCmd.class, "user");
    CommandFields.require(CreateMembershipCmd.class, "userId");
    CommandFields.require(CreateMembershipCmd.class, "groupId");
    CommandFields.require(SaveUserCmd.class, "skipPasswordPolicy");
    CommandFields.require(UserEntity.class, "newPassword");
    CommandFields.require(AbstractSetVariableCmd.class, "variables");
    CommandFields.require(AbstractPatchVariablesCmd.class, "variables");
    CommandFields.require(AbstractPatchVariablesCmd.class, "deletions");
    CommandFields.require(AbstractRemoveVariableCmd.class, "variableNames");
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      // the engine or the application inside a command: already past the gate
      return next.execute(command);
    }
    Caller caller = Caller.of(identity.get().getCurrentAuthentication());
    try {
      Command<T> allowed = allowed(command, caller);
      return allowed instanceof FormCompletion ? completing(allowed) : next.execute(allowed);
    } catch (RuntimeException e) {
      handled(command, caller, e);
      throw e;
    }
  }

  /** The command as the caller may run it: checked, wrapped in a check, or refused. */
  private <T> Command<T> allowed(Command<T> command, Caller caller) {
    Command<T> completion = completion(command);
    if (completion != null) {
      return completion;
    }
    if (command instanceof SaveUserCmd) {
      requireStrongPassword(command);
    }
    if (caller.person()) {
      return forPerson(command, caller);
    }
    if (command instanceof CreateMembershipCmd) {
      // not for a person: the engine's authorization check comes first, and a person has no grant
      @SuppressWarnings("unchecked")
      Command<T> once = (Command<T>) new MembershipOnce(command, CommandFields.read(command, "userId"),
          CommandFields.read(command, "groupId"));
      return once;
    }
    return command;
  }

  /** Whoever completes a user task (a person, an administrator, a test) does it through the task's form. */
  @SuppressWarnings("unchecked")
  private <T> Command<T> completion(Command<T> command) {
    if (command instanceof CompleteTaskCmd && !(command instanceof ResolveTaskCmd)) {
      return (Command<T>) new FormCompletion(CommandFields.read(command, "taskId"),
          CommandFields.read(command, "variables"), CommandFields.read(command, "returnVariables"),
          CommandFields.read(command, "deserializeReturnedVariables"), forms);
    }
    if (command instanceof SubmitTaskFormCmd) {
      return (Command<T>) new FormCompletion(CommandFields.read(command, "taskId"),
          CommandFields.read(command, "properties"), CommandFields.read(command, "returnVariables"),
          CommandFields.read(command, "deserializeValues"), forms);
    }
    return null;
  }

  /** A new password meets the policy, unless the caller saves the user past it (the demo users). */
  private void requireStrongPassword(Command<?> save) {
    if (!policy.getAsBoolean() || Boolean.TRUE.equals(CommandFields.read(save, "skipPasswordPolicy"))) {
      return;
    }
    UserEntity user = CommandFields.read(save, "user");
    String password = CommandFields.read(user, "newPassword");
    EngineRefusals.Refused weak = password == null ? null : PasswordRefusal.of(identity.get(), password, user);
    if (weak != null) {
      throw weak;
    }
  }

  /** What a person (neither the application nor an administrator) may do of the command, and how. */
  private <T> Command<T> forPerson(Command<T> command, Caller caller) {
    if (command instanceof AssignTaskCmd) {
      // before the identity-link rules: the engine's assignment is an identity-link command too
      return new AssignWithinRole<>(command, CommandFields.read(command, "taskId"),
          CommandFields.read(command, "userId"), caller.userId());
    }
    DENIED.entrySet().stream().filter(rule -> rule.getKey().isInstance(command)).findFirst().ifPresent(rule -> {
      throw new EngineRefusals.Denied(caller.userId() + " may not do this: " + rule.getValue());
    });
    if ((command instanceof HistoricVariableInstanceQueryImpl || command instanceof HistoricDetailQueryImpl)
        && !caller.overseer()) {
      // the engine lets whoever may read one task of a process read every variable the process ever had
      throw new EngineRefusals.Denied(caller.userId() + " may not read the variables of a process's history: the "
          + "Support Unit, the COSI secretariat and administrators do; a task's form shows what its people need");
    }
    if (command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
        || command instanceof AbstractRemoveVariableCmd) {
      throw variablesRefused(command);
    }
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl start = CommandFields.read(command, "instantiationBuilder");
      return new StartFormCheck<>(command, start.getProcessDefinitionId(), start.getProcessDefinitionKey(),
          start.getBusinessKey(), start.getCaseInstanceId() != null || start.getTenantId() != null,
          start.getVariables(), forms);
    }
    if (command instanceof SubmitStartFormCmd) {
      return new StartFormCheck<>(command, CommandFields.read(command, "processDefinitionId"), null,
          CommandFields.read(command, "businessKey"), false, CommandFields.read(command, "variables"), forms);
    }
    if (command instanceof ClaimTaskCmd && !caller.userId().equals(CommandFields.read(command, "userId"))) {
      throw new EngineRefusals.Denied(caller.userId() + " may claim a task only for themselves");
    }
    if (command instanceof SaveTaskCmd) {
      TaskEntity changed = CommandFields.read(command, "task");
      return new TaskChangeCheck<>(command, changed, caller.userId());
    }
    if (command instanceof AddCommentCmd) {
      String message = CommandFields.read(command, "message");
      if (message != null && message.length() > COMMENT_LENGTH) {
        throw new EngineRefusals.Refused("The comment was not accepted", List.of(FieldProblem.of("message",
            "is " + message.length() + " characters long; at most " + COMMENT_LENGTH + " are allowed")));
      }
    }
    return command;
  }

  /**
   * Runs a completion again when it collided with parallel work: each attempt is a command of its
   * own in a new transaction, which the engine rolled back whole with the registry's writes (they
   * join the engine's transaction). Not when the caller runs it inside a transaction of its own,
   * which the collision has spoilt.
   */
  private <T> T completing(Command<T> completion) {
    boolean retryable = !TransactionSynchronizationManager.isActualTransactionActive();
    for (int attempt = 1; ; attempt++) {
      try {
        return next.execute(completion);
      } catch (RuntimeException e) {
        if (!retryable || !collided(e) || attempt >= COMPLETION_ATTEMPTS) {
          throw e;
        }
        LOG.debug("completion collided with parallel work (attempt {}): {}", attempt, e.getMessage());
      }
    }
  }

  /**
   * Whether the command failed only because parallel work changed what it changed: the engine's
   * optimistic check, or the database breaking a deadlock by rolling one side back.
   */
  private static boolean collided(RuntimeException e) {
    return e instanceof OptimisticLockingException
        || e instanceof ProcessEngineException engine && engine.getCode() == BuiltinExceptionCode.DEADLOCK.getCode();
  }

  private static EngineRefusals.Refused variablesRefused(Command<?> command) {
    Collection<String> names = new ArrayList<>();
    if (command instanceof AbstractRemoveVariableCmd) {
      names.addAll(CommandFields.<Collection<String>>read(command, "variableNames"));
    } else {
      Map<String, ?> variables = CommandFields.read(command, "variables");
      if (variables != null) {
        names.addAll(variables.keySet());
      }
      if (command instanceof AbstractPatchVariablesCmd) {
        Collection<String> deletions = CommandFields.read(command, "deletions");
        if (deletions != null) {
          names.addAll(deletions);
        }
      }
    }
    List<FieldProblem> problems = names.stream().filter(Objects::nonNull).distinct()
        .map(name -> FieldProblem.of(name, "variables are written only by completing a task's form or by the "
            + "process itself")).toList();
    return new EngineRefusals.Refused("The variables were not written", problems.isEmpty()
        ? List.of(FieldProblem.of(null, "variables are written only by completing a task's form")) : problems);
  }

  /** Logs a failed command once: a refusal as one line, anything unexpected with its stack trace. */
  private static void handled(Command<?> command, Caller caller, RuntimeException e) {
    String what = command.getClass().getSimpleName();
    if (refusal(e)) {
      Refusals.refused(e);
      if (command instanceof FailedJobListener) {
        return; // the engine's follow-up of a refused job execution: refused and logged already
      }
      LOG.warn("{} refused for {}: {}", what, caller, firstLine(e.getMessage()));
    } else if (e instanceof OptimisticLockingException || e instanceof TaskAlreadyClaimedException) {
      LOG.info("{} for {} not done: {}", what, caller, firstLine(e.getMessage()));
    } else {
      String reference = Refusals.failed();
      LOG.error("{} failed for {} (reference {})", what, caller, reference, e);
    }
  }

  private static boolean refusal(RuntimeException e) {
    return e instanceof BadUserRequestException || e instanceof AuthorizationException
        || e instanceof NullValueException || FormRefusal.in(e) != null || jobNotFound(e);
  }

  /** An administrator executing a job that does not exist (any more): a wrong id, not a failure to trace. */
  private static boolean jobNotFound(RuntimeException e) {
    return String.valueOf(e.getMessage()).contains("No job found with id");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /** Who starts a command: the application itself, an administrator, or a person. */
  record Caller(String userId, List<String> groups) {

    static Caller of(Authentication authentication) {
      if (authentication == null || authentication.getUserId() == null) {
        return new Caller(null, List.of());
      }
      return new Caller(authentication.getUserId(),
          authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds()));
    }

    boolean administrator() {
      return groups.contains(EmpactGroups.ADMINISTRATORS);
    }

    boolean person() {
      return userId != null && !administrator();
    }

    /** Who oversees every OAP: the Support Unit and the COSI secretariat. */
    boolean overseer() {
      return groups.contains(EmpactGroups.SUPPORT_UNIT) || groups.contains(EmpactGroups.COSI_SECRETARIAT);
    }

    @Override
    public String toString() {
      return userId == null ? "the application" : (administrator() ? "administrator " : "") + userId;
    }
  }
}
