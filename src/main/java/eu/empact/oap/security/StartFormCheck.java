package eu.empact.oap.security;

import eu.empact.oap.tasks.FieldProblem;
import eu.empact.oap.tasks.FormInput;
import eu.empact.oap.tasks.FormRefusal;
import eu.empact.oap.tasks.FormSchema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/**
 * A person starts a process only through its start form: the variables must be the form's
 * editable fields in their types and limits (they become the start's variables, typed), the
 * application sets the business key, and a process without a start form is started by the
 * application alone. Whether the person may start it at all is the engine's authorization and the
 * process's own first step (e.g. only the Driver of the OAP named starts an escalation).
 */
final class StartFormCheck<T> implements Command<T> {

  private final Command<T> start;
  private final String definitionId;
  private final String definitionKey;
  private final String businessKey;
  private final boolean otherOptions;
  private final Map<String, Object> variables;
  private final TaskForms forms;

  StartFormCheck(Command<T> start, String definitionId, String definitionKey, String businessKey,
                 boolean otherOptions, Map<String, Object> variables, TaskForms forms) {
    this.start = start;
    this.definitionId = definitionId;
    this.definitionKey = definitionKey;
    this.businessKey = businessKey;
    this.otherOptions = otherOptions;
    this.variables = variables;
    this.forms = forms;
  }

  @Override
  public T execute(CommandContext context) {
    DeploymentCache deployments = context.getProcessEngineConfiguration().getDeploymentCache();
    ProcessDefinitionEntity definition = definitionId != null
        ? deployments.findDeployedProcessDefinitionById(definitionId)
        : deployments.findDeployedLatestProcessDefinitionByKey(definitionKey);
    FormSchema form = forms.ofStart(context, definition.getId()).orElseThrow(() -> new EngineRefusals.Denied(
        "'" + definition.getName() + "' is started by the application, not by a person"));
    if (businessKey != null || otherOptions) {
      throw new EngineRefusals.Refused("The process was not started", List.of(FieldProblem.of("businessKey",
          "the business key, tenant and case of a process are set by the application")));
    }
    try {
      FormInput input = form.read(variables == null ? Map.of() : variables, name -> null);
      if (input.refused()) {
        throw new FormRefusal(input.problems());
      }
      if (variables != null) {
        variables.clear();
        input.values().forEach((name, value) -> variables.put(name, value instanceof LocalDate day ? day.toString()
            : value));
      }
      return start.execute(context);
    } catch (RuntimeException e) {
      // refused by the form check, or by the process's first step inside the engine, which may wrap it
      FormRefusal refusal = FormRefusal.in(e);
      if (refusal == null) {
        throw e;
      }
      throw new EngineRefusals.Refused("The start form was not accepted; nothing was started",
          form.labelled(refusal.problems()));
    }
  }
}
