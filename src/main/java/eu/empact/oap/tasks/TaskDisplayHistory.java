package eu.empact.oap.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's full history, but for the variables of a task itself and the counters of a
 * multi-instance activity.
 * <ul>
 *   <li>A task's own variables are what the server writes on it, when the engine creates it, for
 *   its form to show ({@link FormTaskListener}'s briefing, the overviews, the records of an
 *   escalation): renderings of what the registry records, which nobody but the server writes (the
 *   engine gate refuses a person's variables). The full level wrote each of them into its history
 *   again (a historic variable and a detail, and a long text's bytes once more) for every task it
 *   created: eight rows for a report's task, 208 when a round of 26 OAs opens.</li>
 *   <li>The engine counts the instances of a multi-instance activity (the 26 reports of a round,
 *   the 27 NECs' answers) in variables of its own ({@code nrOfInstances}, {@code
 *   nrOfActiveInstances}, {@code nrOfCompletedInstances}, {@code loopCounter}) and updated two
 *   of them, each with a historic detail, at every completion of an instance: six statements of
 *   each report and answer for what the history's activity instances already say.</li>
 * </ul>
 * Everything else keeps its full history: the process's variables (an instance's OA or Member
 * State among them), the tasks, activities, identity links and the operations of people. The
 * level keeps the full level's number, so that the database's history level stays the same either
 * way: {@code camunda.bpm.history-level: full} turns the history of these variables back on.
 */
@Configuration(proxyBeanMethods = false)
class TaskDisplayHistory {

  /** The name that {@code camunda.bpm.history-level} gives for this level. */
  static final String NAME = "full-but-task-and-loop-variables";

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

    /** What the engine counts on a multi-instance activity and each of its instances. */
    private static final Set<String> LOOP_VARIABLES = Set.of(MultiInstanceActivityBehavior.NUMBER_OF_INSTANCES,
        MultiInstanceActivityBehavior.NUMBER_OF_ACTIVE_INSTANCES, MultiInstanceActivityBehavior.NUMBER_OF_COMPLETED_INSTANCES,
        MultiInstanceActivityBehavior.LOOP_COUNTER);

    @Override
    public int getId() {
      return HISTORY_LEVEL_FULL.getId();
    }

    @Override
    public String getName() {
      return NAME;
    }

    /**
     * Every event but those of a task's own variables and of a multi-instance activity's counters
     * (created, updated, deleted, migrated).
     */
    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return !(entity instanceof VariableInstanceEntity variable
          && (variable.getTaskId() != null || LOOP_VARIABLES.contains(variable.getName())));
    }
  }
}
