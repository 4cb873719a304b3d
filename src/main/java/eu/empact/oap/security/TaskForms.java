package eu.empact.oap.security;

import eu.empact.oap.tasks.FormSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The deployed Camunda Form of a user task or a start event, read as a {@link FormSchema}. A
 * deployment never changes, so each form is read once per process definition and element.
 */
final class TaskForms {

  private final Map<String, Optional<FormSchema>> read = new ConcurrentHashMap<>();

  /** The form of the task, or empty when its element has none. Inside a command. */
  Optional<FormSchema> ofTask(CommandContext context, TaskEntity task) {
    return read.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key -> load(context, new GetDeployedTaskFormCmd(task.getId())));
  }

  /** The start form of a process definition, or empty when it has none. Inside a command. */
  Optional<FormSchema> ofStart(CommandContext context, String processDefinitionId) {
    return read.computeIfAbsent(processDefinitionId + "#start",
        key -> load(context, new GetDeployedStartFormCmd(processDefinitionId)));
  }

  private static Optional<FormSchema> load(CommandContext context, Command<InputStream> form) {
    try (InputStream in = context.runWithoutAuthorization(form)) {
      return Optional.of(FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (BadUserRequestException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
