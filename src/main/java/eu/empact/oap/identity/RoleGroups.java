package eu.empact.oap.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActionLeadersAssigned;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapPeople;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.OapVersionCreated;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import java.util.Map;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of every EMPACT role, the authorizations that let them use Tasklist, and the
 * Tasklist filters. Role groups exist in every profile; per-OAP groups (Driver, Co-Driver, an
 * Action Leader group per leading and co-leading actor) appear when an OAP version is created,
 * contact groups when a directory names a contact; their members follow the OAP's directory
 * ({@link OapDirectory}).
 */
@Component
public class RoleGroups {

  public static final String WORKFLOW = "WORKFLOW";

  private final IdentityService identity;
  private final FilterService filters;
  private final TaskService tasks;
  private final Authorizations authorizations;
  private final ActorDirectory actors;
  private final OapRegistry registry;
  private final OapPeople people;

  RoleGroups(IdentityService identity, FilterService filters, TaskService tasks, Authorizations authorizations,
             ActorDirectory actors, OapRegistry registry, OapPeople people) {
    this.people = people;
    this.identity = identity;
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.actors = actors;
    this.registry = registry;
  }

  @EventListener(PostDeployEvent.class)
  @Order(1)
  public void ensureRoleGroups() {
    ensureGroup(EmpactGroups.ADMINISTRATORS, "Administrators", Groups.GROUP_TYPE_SYSTEM);
    for (Resources resource : Resources.values()) {
      authorizations.grantGroup(EmpactGroups.ADMINISTRATORS, resource, ANY, Permissions.ALL);
    }
    ensureGroup(EmpactGroups.SUPPORT_UNIT, "EMPACT Support Unit (Europol)", WORKFLOW);
    ensureGroup(EmpactGroups.COSI_SECRETARIAT, "COSI secretariat", WORKFLOW);
    ensureGroup(EmpactGroups.NECS, "National EMPACT Coordinators (all)", WORKFLOW);
    ensureGroup(EmpactGroups.ACTION_LEADERS, "Action Leaders (all)", WORKFLOW);
    // every actor that is or was a Member State (the United Kingdom for the OAPs until 2020)
    for (Actor memberState : actors.everMemberStates()) {
      ensureGroup(EmpactGroups.nec(memberState.code()), "NEC " + memberState.name(), WORKFLOW);
    }
    // every user may open Tasklist and see process definitions; tasks stay visible only to
    // their assignee and candidate groups (the engine grants those per task)
    authorizations.grantAll(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    authorizations.grantAll(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    grantSupportUnitCockpit();
    // the EMPACT Support Unit opens adoption cycles from Tasklist
    authorizations.grantGroup(EmpactGroups.SUPPORT_UNIT, Resources.PROCESS_DEFINITION, "oap-adoption",
        Permissions.READ, Permissions.CREATE_INSTANCE);
    ensureFilters();
  }

  /**
   * The EMPACT Support Unit watches every process of the application in Cockpit: the instances,
   * incidents, variables and history of every process definition (and the decisions' history),
   * running or finished. It reads only: no permission to change, retry, cancel or delete anything,
   * nor to read or work on tasks, which stay with their people. Granted again at every start, so
   * that a database of an earlier version, where it read the adoption only, gets it too.
   */
  private void grantSupportUnitCockpit() {
    authorizations.grantGroup(EmpactGroups.SUPPORT_UNIT, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    authorizations.grantGroup(EmpactGroups.SUPPORT_UNIT, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
        Permissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, Permissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
    // CREATE: the adoption cycles it opens; READ: the instances of every process
    authorizations.grantGroup(EmpactGroups.SUPPORT_UNIT, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE,
        Permissions.READ);
    authorizations.grantGroup(EmpactGroups.SUPPORT_UNIT, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
        Permissions.READ_HISTORY);
  }

  /** The Driver and Co-Driver groups of the OAP, and an Action Leader group per leading and co-leading actor. */
  @EventListener
  public void onVersionCreated(OapVersionCreated created) {
    OapSummary oap = registry.summary(created.oapId());
    ensureGroup(EmpactGroups.driver(oap.id()), "Driver of OAP " + oap.displayName(), WORKFLOW);
    ensureGroup(EmpactGroups.coDriver(oap.id()), "Co-Drivers of OAP " + oap.displayName(), WORKFLOW);
    // the Driver starts the exclusion clause, or proposes a reinstatement, from Tasklist (the
    // process checks that it is the Driver of the OAP named in the start form)
    for (String process : List.of("exclusion-clause", "participation-reinstatement")) {
      authorizations.grantGroup(EmpactGroups.driver(oap.id()), Resources.PROCESS_DEFINITION, process,
          Permissions.READ, Permissions.CREATE_INSTANCE);
    }
    authorizations.grantGroup(EmpactGroups.driver(oap.id()), Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    people.leadingActors(oap.id()).forEach(actor -> ensureActionLeaderGroup(oap.id(), actor));
  }

  /** A Driver may name a new Action Leader while drafting: its group must exist for its task. */
  @EventListener
  public void onLeadersAssigned(ActionLeadersAssigned assigned) {
    assigned.leaders().forEach(actor -> ensureActionLeaderGroup(assigned.oapId(), actor));
  }

  private void ensureActionLeaderGroup(long oapId, String actor) {
    String group = EmpactGroups.actionLeader(oapId, actor);
    ensureGroup(group, nameOf(group), WORKFLOW);
  }

  /** The name people see of a group of an OAP's directory. */
  public static String nameOf(String group) {
    return EmpactGroups.actorInOap(group)
        .map(a -> (a.contact() ? "Contacts " : "Action Leaders ") + a.actor() + " in OAP " + a.oapId())
        .orElse(group);
  }

  public void ensureGroup(String id, String name, String type) {
    WithoutAuthorizationChecks.run(() -> {
      if (identity.createGroupQuery().groupId(id).count() == 0) {
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
      }
    });
  }

  /** "My tasks", "My group's tasks" and "Overdue", shared with every user. */
  private void ensureFilters() {
    ensureFilter("My tasks", -10, "Tasks assigned to me",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureFilter("My group's tasks", 0, "Unclaimed tasks of my groups",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    ensureFilter("Overdue", 10, "My tasks and my groups' tasks past their due date",
        tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks().endOr()
            .dueBeforeExpression("${now()}"));
  }

  private void ensureFilter(String name, int priority, String description, TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(name).setOwner(null).setQuery(query)
        .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
    filters.saveFilter(filter);
    authorizations.grantAll(Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
