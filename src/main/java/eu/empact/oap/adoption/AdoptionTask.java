package eu.empact.oap.adoption;

import static eu.empact.oap.adoption.AdoptionProcess.*;

import eu.empact.oap.adoption.AdoptionProcess.ReturnedAt;
import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.notification.WorkspaceLinks;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.Participation;
import eu.empact.oap.registry.RegistryViews.ActionLeaders;
import eu.empact.oap.registry.RegistryViews.ActionView;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.registry.RegistryViews.VersionContentView;
import eu.empact.oap.registry.RegistryViews.VersionEvent;
import eu.empact.oap.registry.RegistryViews.VersionOverview;
import eu.empact.oap.tasks.Decision;
import eu.empact.oap.tasks.FormTaskListener;
import eu.empact.oap.tasks.FormText;
import eu.empact.oap.tasks.TaskSubject;
import eu.empact.oap.tasks.TaskSubjects;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * A task of the adoption. It is about an OAP version and, for the tasks one per actor, the actor
 * named by the task's {@code actorVariable} property. Its name comes from the task's
 * {@code taskName} property ("Review draft OAP {oap} REV {rev}"); its form shows the OAP's
 * overview; the Co-Drivers may read and comment on what the Driver is asked to do.
 */
abstract class AdoptionTask extends FormTaskListener {

  protected final OapRegistry registry;
  protected final WorkspaceLinks links;
  private final AuthorizationService authorizations;
  private final Versions versions;

  AdoptionTask(Dependencies dependencies) {
    super(dependencies.subjects());
    this.registry = dependencies.registry();
    this.authorizations = dependencies.authorizations();
    this.links = dependencies.links();
    this.versions = dependencies.versions();
  }

  /** What every adoption task needs, handed to each listener by Spring. */
  @Component
  record Dependencies(TaskSubjects subjects, OapRegistry registry, AuthorizationService authorizations,
                      WorkspaceLinks links, Versions versions) {}

  @Override
  protected TaskSubject subject(DelegateTask task) {
    String actorVariable = properties(task).get("actorVariable");
    return TaskSubject.of(KEY, oapId(task)).withRevision(revision(task))
        .withActor(actorVariable == null ? null : (String) task.getVariable(actorVariable));
  }

  @Override
  protected void created(DelegateTask task, TaskSubject subject) {
    VersionOverview overview = registry.overview(subject.oapId());
    OapSummary oap = overview.oap();
    name(task, properties(task).getOrDefault("taskName", task.getName() + " {oap} REV {rev}")
        .replace("{oap}", oap.displayName())
        .replace("{rev}", String.valueOf(subject.revision()))
        .replace("{actor}", subject.actor() == null ? "" : subject.actor()));
    task.setVariableLocal(OAP_OVERVIEW, FormText.of(overview(overview)));
    if (hasCandidateGroup(task, EmpactGroups.driver(oap.id()))) {
      // the Co-Drivers see the task and comment on it (a comment needs the task's history)
      WithoutAuthorizationChecks.run(() -> {
        grantCoDrivers(oap.id(), task.getId(), Resources.TASK, Permissions.READ);
        grantCoDrivers(oap.id(), task.getId(), Resources.HISTORIC_TASK, HistoricTaskPermissions.READ);
      });
    }
    prepare(task, subject);
  }

  /** Prepares what the form shows besides the OAP's overview. */
  void prepare(DelegateTask task, TaskSubject subject) {}

  /**
   * The version the task is about, with its goals and OA sheets, as the forms show it: read once
   * per state of the version ({@link OapRegistry#overview}) and shared by its tasks, as the 27 NEC
   * tasks of a version are created at once.
   */
  AdoptionBriefings.Version version(TaskSubject subject) {
    long oapId = subject.oapId();
    int revision = subject.revision();
    VersionOverview overview = registry.overview(oapId);
    Versions.Kept kept = versions.kept.get(oapId);
    if (kept != null && kept.overview() == overview && overview.oap().revision() == revision) {
      return kept.version();
    }
    VersionContentView content = registry.content(oapId, revision);
    AdoptionBriefings.Version version = new AdoptionBriefings.Version(overview.oap().displayName() + " REV "
        + revision, links.revision(oapId, revision), ref -> links.oa(oapId, revision, ref), content.strategicGoals(),
        content.operationalActions());
    if (overview.oap().revision() == revision) {
      versions.keep(oapId, new Versions.Kept(overview, version));
    }
    return version;
  }

  /** The versions as the forms show them, by OAP, each with the overview it was read for. */
  @Component
  static class Versions {
    /** OAPs kept at most; more are forgotten all at once. */
    private static final int KEPT = 200;

    record Kept(VersionOverview overview, AdoptionBriefings.Version version) {}

    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

    void keep(long oapId, Kept version) {
      if (kept.size() >= KEPT) {
        kept.clear();
      }
      kept.put(oapId, version);
    }
  }

  /** The latest event of the OAP, in any of its versions, whose name starts so; null if none. */
  VersionEvent latest(long oapId, String eventPrefix) {
    return events(oapId, eventPrefix).stream().reduce((first, second) -> second).orElse(null);
  }

  /** The OAP's events whose name starts so, oldest first. */
  List<VersionEvent> events(long oapId, String eventPrefix) {
    return registry.versions(oapId).stream().flatMap(version -> version.history().stream())
        .filter(event -> event.event().startsWith(eventPrefix))
        .sorted(java.util.Comparator.comparing(VersionEvent::at)).toList();
  }

  private void grantCoDrivers(long oapId, String taskId, Resources resource, Permission permission) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(EmpactGroups.coDriver(oapId));
    grant.setResource(resource);
    grant.setResourceId(taskId);
    grant.addPermission(permission);
    authorizations.saveAuthorization(grant);
  }

  /**
   * A task that decides on the version: the decision is recorded on the version with who took it
   * and the comments; returning sends the OAP back to the Driver with the comments.
   */
  abstract static class Review extends AdoptionTask {
    private final String event;
    private final Decision returning;
    private final ReturnedAt returnedAt;

    Review(Dependencies dependencies, String event, Decision returning, ReturnedAt returnedAt) {
      super(dependencies);
      this.event = event;
      this.returning = returning;
      this.returnedAt = returnedAt;
    }

    @Override
    protected void completed(Completion completion) {
      Decision decision = completion.decide(returning, "say why the OAP goes back to the Driver");
      completion.refuseIfAny();
      completion.route(decision);
      String details = accepted(completion, decision);
      completion.refuseIfAny();
      String comments = completion.text(COMMENTS);
      TaskSubject subject = completion.subject();
      registry.recordDecision(subject.oapId(), subject.revision(), event + "_" + decision.name(),
          completion.user(), join(details, comments));
      if (decision == returning) {
        DelegateTask task = completion.task();
        task.setVariable(RETURNED_AT, returnedAt.name());
        task.setVariable(RETURN_COMMENTS, returnedAt.name().replace('_', ' ').toLowerCase(Locale.ROOT) + ": " + comments);
      }
    }

    /**
     * Checks and carries out what the decision needs besides the record (adding problems to the
     * completion when a field is missing); returns what to add to the record, or null.
     */
    String accepted(Completion completion, Decision decision) {
      return null;
    }

    static String join(String first, String second) {
      if (first == null) {
        return second;
      }
      return second == null ? first : first + "; " + second;
    }
  }

  /** A text the forms show: the OAP, its version, and each OA with its leaders, or what it lacks. */
  static String overview(VersionOverview overview) {
    OapSummary oap = overview.oap();
    List<ActionLeaders> actions = overview.actions();
    String lines = actions.stream().map(oa -> "OA " + oa.ref() + " " + oa.title() + " | leader: "
            + (oa.leaders().isEmpty() ? "MISSING" : oa.leadership()))
        .collect(Collectors.joining("\n"));
    return oap.title() + " (REV " + oap.revision() + ", " + oap.status() + ", Driver " + oap.driver()
        + (oap.coDrivers().isEmpty() ? "" : ", Co-Drivers " + String.join(", ", oap.coDrivers())) + ")\n"
        + actions.size() + " operational action(s)" + (actions.isEmpty() ? ": none yet; the Driver adds them on "
        + "the drafting page, " + AdoptionProcess.draftingPage(oap.id()) : "") + "\n" + lines;
  }

  static String leaders(ActionView oa) {
    return String.join(", ", oa.participations().stream().filter(p -> p.role() == Participation.Role.LEADER)
        .map(Participation::actor).toList());
  }

  private static boolean hasCandidateGroup(DelegateTask task, String group) {
    return task.getCandidates().stream().map(IdentityLink::getGroupId).anyMatch(group::equals);
  }

  private static Map<String, String> properties(DelegateTask task) {
    UserTask element = task.getBpmnModelElementInstance();
    if (element == null || element.getExtensionElements() == null) {
      return Map.of();
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue));
  }
}
