package eu.empact.oap.tasks;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's full history, but for the variables of a task itself. Those are what the server
 * writes on a task, when the engine creates it, for its form to show ({@link FormTaskListener}'s
 * briefing, the overviews, the records of an escalation): renderings of what the registry
 * records, which nobody but the server writes (the engine gate refuses a person's variables). The
 * full level wrote each of them into its history again (a historic variable and a detail, and a
 * long text's bytes once more) for every task it created: eight rows for a report's task, 208 when
 * a round of 26 OAs opens. Everything else keeps its full history: the process's variables, the
 * tasks, activities, identity links and the operations of people. The level keeps the full
 * level's number, so that the database's history level stays the same either way:
 * {@code camunda.bpm.history-level: full} turns the task's variables' history back on.
 */
@Configuration(proxyBeanMethods = false)
class TaskDisplayHistory {

  /** The name that {@code camunda.bpm.history-level} gives for this level. */
  static final String NAME = "full-but-task-variables";

  @Bean
  ProcessEnginePlugin taskDisplayHistoryPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
          levels.addAll(configuration.getCustomHistoryLevels());
        }
        levels.add(new Level());
        configuration.setCustomHistoryLevels(levels);
      }
    };
  }

  static final class Level implements HistoryLevel {

    @Override
    public int getId() {
      return HISTORY_LEVEL_FULL.getId();
    }

    @Override
    public String getName() {
      return NAME;
    }

    /** Every event but those of a task's own variables (created, updated, deleted, migrated). */
    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return !(entity instanceof VariableInstanceEntity variable && variable.getTaskId() != null);
    }
  }
}
