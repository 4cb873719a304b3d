package eu.empact.oap.notification;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the link of a notice leads, from the {@link PublicUrl}: to the task itself in Tasklist for
 * a new task, a reminder and an overdue notice; to the task an exhortation asks its recipient to do
 * (the recipient's open task in the escalation: its answer); for the Driver's "Late" notice, whose
 * late tasks are other people's, to the OAP's late view in the workspace ({@code /oaps/{id}/late},
 * which the webapps' session opens); for an exclusion, to the OAP in the workspace.
 */
@Component
class MailLinks {

  /** The task id of an {@link TaskNotice.Kind#ACCOUNT} notice: this and the link's token. */
  static final String ACCOUNT_PREFIX = "set-password-";

  private final PublicUrl publicUrl;
  private final String webappPath;
  private final ProcessEngine engine;
  private final TaskService tasks;

  MailLinks(PublicUrl publicUrl, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
            ProcessEngine engine, TaskService tasks) {
    this.publicUrl = publicUrl;
    this.webappPath = webappPath.replaceAll("/+$", "");
    this.engine = engine;
    this.tasks = tasks;
  }

  /**
   * The link of a recorded notice when it is sent.
   *
   * @param processInstanceId the process the notice was recorded in (null for none)
   */
  String of(Notification notice, String processInstanceId) {
    return switch (notice.kind()) {
      case NEW_TASK, REMINDER, OVERDUE -> task(notice.taskId());
      case EXHORTATION -> openTaskOf(notice.recipientUser(), processInstanceId);
      case LATE -> notice.oapId() == null ? tasklist() : oap(notice.oapId()) + "/late";
      case EXCLUSION -> notice.oapId() == null ? tasklist() : oap(notice.oapId());
      case ACCOUNT -> publicUrl.base() + "/account/password?token=" + notice.taskId().substring(ACCOUNT_PREFIX.length());
    };
  }

  String tasklist() {
    return publicUrl.base() + webappPath + "/app/tasklist/" + engine.getName() + "/";
  }

  String task(String taskId) {
    return tasklist() + "#/?task=" + taskId;
  }

  /** The OAP in the workspace. */
  String oap(long oapId) {
    return publicUrl.base() + "/oaps/" + oapId;
  }

  /** The first open task of the process that the user may work on; Tasklist itself when there is none (any more). */
  private String openTaskOf(String user, String processInstanceId) {
    if (processInstanceId == null) {
      return tasklist();
    }
    List<Task> open = WithoutAuthorizationChecks.call(() -> tasks.createTaskQuery()
        .processInstanceId(processInstanceId).taskCandidateUser(user).includeAssignedTasks()
        .orderByTaskCreateTime().asc().orderByTaskId().asc().listPage(0, 1));
    return open.isEmpty() ? tasklist() : task(open.get(0).getId());
  }
}
