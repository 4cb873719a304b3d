package eu.empact.oap.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A notice that could not be sent after every retry shows in Cockpit as an incident of its process
 * instance: a failed job "notification N", whose exception message says to whom and why. Retrying
 * it in Cockpit (or {@code PUT /engine-rest/job/{id}/retries}) runs the job, which makes the notice
 * due again; a sender then sends it, once. A notice whose process instance has ended keeps its
 * FAILED record only ({@code GET /api/notifications}).
 */
@Component
class NotificationIncidents extends AbstractProcessEnginePlugin {

  static final String JOB_TYPE = "empact-notification-retry";
  private static final Logger LOG = LoggerFactory.getLogger(NotificationIncidents.class);

  /** Taken at first use: the database is initialised after the engine is built (system.EngineSchemaFirst). */
  private final ObjectProvider<JdbcClient> jdbc;
  private final Clock clock;
  private final ObjectProvider<NotificationSender> sender;
  private ProcessEngineConfigurationImpl engine;

  NotificationIncidents(ObjectProvider<JdbcClient> jdbc, Clock clock, ObjectProvider<NotificationSender> sender) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.sender = sender;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(new RetryNotice());
    configuration.setCustomJobHandlers(handlers);
    this.engine = configuration;
  }

  /** Puts a failed job with the notice's error on its process instance: an incident in Cockpit. */
  void raise(long notificationId, String error) {
    String processInstanceId = jdbc.getObject().sql("SELECT process_instance_id FROM notification WHERE id = ?")
        .param(notificationId).query(String.class).optional().orElse(null);
    boolean raised = processInstanceId != null && engine.getCommandExecutorTxRequired().execute(context -> {
      ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
      if (instance == null) {
        return false;
      }
      MessageEntity job = new MessageEntity();
      job.setJobHandlerType(JOB_TYPE);
      job.setJobHandlerConfigurationRaw(Long.toString(notificationId));
      job.setExecution(instance);
      job.setProcessDefinitionId(instance.getProcessDefinitionId());
      job.setProcessDefinitionKey(instance.getProcessDefinition().getKey());
      job.setDeploymentId(instance.getProcessDefinition().getDeploymentId());
      job.setTenantId(instance.getTenantId());
      job.setExceptionMessage(error.substring(0, Math.min(error.length(), 3000)));
      context.getJobManager().insertJob(job);
      job.setRetries(0);
      return true;
    });
    if (!raised) {
      LOG.error("Notification {} failed for good and its process instance {} has ended: no incident; "
          + "see GET /api/notifications", notificationId, processInstanceId);
    }
  }

  /** The incident's retry: the notice is due again, now. */
  private final class RetryNotice implements JobHandler<NoticeId> {

    @Override
    public String getType() {
      return JOB_TYPE;
    }

    @Override
    public void execute(NoticeId notice, ExecutionEntity execution, CommandContext context, String tenantId) {
      jdbc.getObject()
          .sql("UPDATE notification SET status = 'PENDING', next_attempt_at = ? WHERE id = ? AND status = 'FAILED'")
          .params(Timestamp.from(clock.instant()), notice.id()).update();
      context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> sender.ifAvailable(NotificationSender::wake));
    }

    @Override
    public NoticeId newConfiguration(String canonicalString) {
      return new NoticeId(Long.parseLong(canonicalString));
    }

    @Override
    public void onDelete(NoticeId configuration, JobEntity jobEntity) {
      // the notice stays FAILED in the record
    }
  }

  record NoticeId(long id) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return Long.toString(id);
    }
  }
}
