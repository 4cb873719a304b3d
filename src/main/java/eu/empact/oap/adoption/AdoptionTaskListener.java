package eu.empact.oap.adoption;

import eu.empact.oap.identity.EmpactGroups;
import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.Participation;
import eu.empact.oap.registry.RegistryViews.ActionView;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * On every task of the adoption: the name says which OAP, version and actor (from the task's
 * {@code taskName} property, e.g. "Review draft OAP {oap} REV {rev}"), the form gets the OAP's
 * overview, and the Co-Drivers may read and comment on what the Driver is asked to do.
 */
@Component("adoptionTaskListener")
class AdoptionTaskListener implements TaskListener {

  static final List<String> FORM_INPUTS = List.of(AdoptionVariables.DECISION, AdoptionVariables.COMMENTS,
      AdoptionVariables.LINKS_TO_OTHER_OAPS, AdoptionVariables.COUNCIL_DOCUMENT, AdoptionVariables.ADOPTION_DATE,
      AdoptionVariables.CONFIRMED);

  private final OapRegistry registry;
  private final AuthorizationService authorizations;

  AdoptionTaskListener(OapRegistry registry, AuthorizationService authorizations) {
    this.registry = registry;
    this.authorizations = authorizations;
  }

  @Override
  public void notify(DelegateTask task) {
    AdoptionVariables variables = AdoptionVariables.of(task);
    OapSummary oap = registry.summary(variables.oapId());
    Map<String, String> properties = properties(task);
    String actorVariable = properties.get("actorVariable");
    task.setName(properties.getOrDefault("taskName", task.getName() + " {oap} REV {rev}")
        .replace("{oap}", oap.displayName())
        .replace("{rev}", String.valueOf(variables.revision()))
        .replace("{actor}", actorVariable == null ? "" : String.valueOf(task.getVariable(actorVariable))));
    task.setVariableLocal(AdoptionVariables.OAP_OVERVIEW, overview(oap, registry.actions(oap.id())));
    // what the form sends starts empty on the task's own execution: nothing left from an earlier
    // task shows up in this form, and parallel tasks (one per actor) keep their answers apart
    FORM_INPUTS.forEach(input -> task.getExecution().setVariableLocal(input, null));
    if (hasCandidateGroup(task, EmpactGroups.driver(oap.id()))) {
      // the Co-Drivers see the task and comment on it (a comment needs the task's history)
      WithoutAuthorizationChecks.run(() -> {
        grantCoDrivers(oap.id(), task.getId(), Resources.TASK, Permissions.READ);
        grantCoDrivers(oap.id(), task.getId(), Resources.HISTORIC_TASK, HistoricTaskPermissions.READ);
      });
    }
  }

  private void grantCoDrivers(long oapId, String taskId, Resources resource, Permission permission) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(EmpactGroups.coDriver(oapId));
    grant.setResource(resource);
    grant.setResourceId(taskId);
    grant.addPermission(permission);
    authorizations.saveAuthorization(grant);
  }

  /** A text the forms show: the OAP, its version, and each OA with its leaders, or what it lacks. */
  static String overview(OapSummary oap, List<ActionView> actions) {
    String lines = actions.stream().map(oa -> "OA " + oa.ref() + " " + oa.title() + " | leader: "
            + leaders(oa).transform(leaders -> leaders.isEmpty() ? "MISSING" : leaders))
        .collect(Collectors.joining("\n"));
    return oap.title() + " (REV " + oap.revision() + ", " + oap.status() + ", Driver " + oap.driver()
        + (oap.coDrivers().isEmpty() ? "" : ", Co-Drivers " + String.join(", ", oap.coDrivers())) + ")\n"
        + actions.size() + " operational action(s)" + (actions.isEmpty() ? ": none yet; add them with PUT /api/oaps/"
        + oap.id() : "") + "\n" + lines;
  }

  static List<String> leaderCodes(ActionView oa) {
    return oa.participations().stream().filter(p -> p.role() == Participation.Role.LEADER)
        .map(Participation::actor).toList();
  }

  static String leaders(ActionView oa) {
    return String.join(", ", leaderCodes(oa));
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
