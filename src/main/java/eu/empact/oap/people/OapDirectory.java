package eu.empact.oap.people;

import eu.empact.oap.identity.RoleGroups;
import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapParties;
import eu.empact.oap.registry.OapPeople;
import eu.empact.oap.registry.OapPeople.DirectoryChanged;
import eu.empact.oap.registry.OapPeople.Entry;
import eu.empact.oap.registry.OapPeople.PeopleImported;
import eu.empact.oap.registry.OapPeople.Person;
import eu.empact.oap.registry.OapPeople.Role;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names the people of an OAP (ADR 0016): checks each entry of the list, finds the user or creates
 * the account of a person who has none (who then gets a message to set a password), records the
 * list in the registry ({@link OapPeople}) and makes the OAP's Camunda groups follow it, all in one
 * transaction. A list with any wrong entry is refused whole, naming each entry and field.
 */
@Component
public class OapDirectory {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final OapPeople people;
  private final OapRegistry registry;
  private final OapParties parties;
  private final ActorDirectory actors;
  private final IdentityService identity;
  private final RoleGroups groups;
  private final Accounts accounts;

  OapDirectory(OapPeople people, OapRegistry registry, OapParties parties, ActorDirectory actors,
               IdentityService identity, RoleGroups groups, Accounts accounts) {
    this.people = people;
    this.registry = registry;
    this.parties = parties;
    this.actors = actors;
    this.identity = identity;
    this.groups = groups;
    this.accounts = accounts;
  }

  /** Replaces the OAP's directory with the list; 400 (nothing written) naming every wrong entry. */
  @Transactional
  public List<Entry> replace(long oapId, List<Person> list, String user) {
    List<Entry> entries = check(oapId, list, user);
    people.replace(oapId, entries, user);
    return people.current(oapId);
  }

  /** Adds the people to the directory (the demo's), keeping those it names; refused as {@link #replace}. */
  @Transactional
  public void add(long oapId, List<Person> list, String user) {
    people.add(oapId, check(oapId, list, user), user);
  }

  /** The people an imported document names, in the import's transaction: a wrong entry refuses the import whole. */
  @EventListener
  public void imported(PeopleImported imported) {
    add(imported.oapId(), imported.people(), imported.user());
  }

  private List<Entry> check(long oapId, List<Person> list, String user) {
    Set<String> leading = people.leadingActors(oapId);
    Set<String> parts = parties.of(oapId).actors();
    String driver = registry.summary(oapId).driver();
    List<Problem> problems = new ArrayList<>();
    List<Person> toCreate = new ArrayList<>();
    List<Integer> toCreateAt = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Person person = list.get(i);
      String at = "people[" + i + "]";
      Role role = role(person, at, problems);
      String actor = null;
      if (role != null && role.forActor()) {
        actor = actor(person, at, problems);
        if (actor != null && role == Role.ACTION_LEADER && !leading.contains(actor)) {
          problems.add(new Problem(at + ".actor", actor + " leads and co-leads no OA of OAP " + oapId
              + ": an Action Leader acts for one that does (" + String.join(", ", leading) + ")"));
        } else if (actor != null && role == Role.CONTACT && !parts.contains(actor)) {
          problems.add(new Problem(at + ".actor", actor + " has no part in OAP " + oapId
              + ": a contact acts for an actor that has"));
        }
      } else if (role == Role.DRIVER) {
        actor = driver;
      }
      if (person.userId() != null && !person.userId().isBlank()) {
        if (WithoutAuthorizationChecks.call(() -> identity.createUserQuery().userId(person.userId()).count()) == 0) {
          problems.add(new Problem(at + ".userId", "no user '" + person.userId()
              + "': give an existing user id, or the person's name and e-mail address to create the account"));
        }
        entries.add(role == null ? null : new Entry(role, actor, person.userId()));
      } else {
        if (person.name() == null || person.name().isBlank()) {
          problems.add(new Problem(at + ".name", "give the person's name (or the user id of an existing account)"));
        }
        if (person.email() == null || !EMAIL.matcher(person.email().trim()).matches()) {
          problems.add(new Problem(at + ".email", "give the person's e-mail address (name@domain), to which the "
              + "message to set a password goes"));
        }
        toCreate.add(person);
        toCreateAt.add(i);
        entries.add(role == null ? null : new Entry(role, actor, null));
      }
    }
    if (!problems.isEmpty()) {
      throw new PeopleRefusedException(oapId, problems);
    }
    Map<String, String> created = new HashMap<>();
    for (int k = 0; k < toCreate.size(); k++) {
      Person person = toCreate.get(k);
      String email = person.email().trim();
      String userId = created.computeIfAbsent(email.toLowerCase(Locale.ROOT),
          e -> existingByEmail(e).orElseGet(() -> accounts.create(person.name().trim(), email, user)));
      int index = toCreateAt.get(k);
      Entry entry = entries.get(index);
      entries.set(index, new Entry(entry.role(), entry.actor(), userId));
    }
    return entries;
  }

  private Optional<String> existingByEmail(String email) {
    return WithoutAuthorizationChecks.call(() -> identity.createUserQuery().userEmail(email).list().stream()
        .map(User::getId).findFirst());
  }

  private static Role role(Person person, String at, List<Problem> problems) {
    try {
      return Role.valueOf(person.role() == null ? "" : person.role().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(at + ".role", "'" + person.role() + "' is no role: one of DRIVER, CO_DRIVER, "
          + "ACTION_LEADER, CONTACT"));
      return null;
    }
  }

  private String actor(Person person, String at, List<Problem> problems) {
    if (person.actor() == null || person.actor().isBlank()) {
      problems.add(new Problem(at + ".actor", "name the actor the person acts for (a code such as IT or EUROPOL)"));
      return null;
    }
    Optional<Actor> actor = actors.resolve(person.actor().trim());
    if (actor.isEmpty()) {
      problems.add(new Problem(at + ".actor", "no actor is known as '" + person.actor() + "'"));
      return null;
    }
    return actor.get().code();
  }

  /**
   * The OAP's groups follow its directory: every group of a role in it holds exactly the people
   * the directory names for it (its Driver, Co-Driver, Action Leader and contact groups).
   */
  @EventListener
  @Order(1)
  public void follow(DirectoryChanged changed) {
    long oapId = changed.oapId();
    Map<String, Set<String>> members = new HashMap<>();
    for (Entry entry : changed.people()) {
      members.computeIfAbsent(entry.group(oapId), g -> new HashSet<>()).add(entry.userId());
    }
    WithoutAuthorizationChecks.run(() -> {
      for (Map.Entry<String, Set<String>> group : members.entrySet()) {
        groups.ensureGroup(group.getKey(), RoleGroups.nameOf(group.getKey()), RoleGroups.WORKFLOW);
      }
      for (Group group : identity.createGroupQuery().groupIdIn(oapGroups(oapId)).list()) {
        Set<String> wanted = members.getOrDefault(group.getId(), Set.of());
        Set<String> present = new HashSet<>(identity.createUserQuery().memberOfGroup(group.getId()).list().stream()
            .map(User::getId).toList());
        present.stream().filter(u -> !wanted.contains(u)).forEach(u -> identity.deleteMembership(u, group.getId()));
        wanted.stream().filter(u -> !present.contains(u)).forEach(u -> identity.createMembership(u, group.getId()));
      }
    });
  }

  /** The ids of the groups the OAP's roles may have: Driver, Co-Driver, and per actor with a part in it, or ever named. */
  private String[] oapGroups(long oapId) {
    Set<String> actorsOfOap = new HashSet<>(parties.of(oapId).actors());
    people.history(oapId).stream().map(OapPeople.Record::actor).filter(a -> a != null).forEach(actorsOfOap::add);
    List<String> ids = new ArrayList<>(List.of(EmpactGroups.driver(oapId), EmpactGroups.coDriver(oapId)));
    actorsOfOap.forEach(actor -> ids.addAll(EmpactGroups.actorInOap(oapId, actor)));
    return ids.toArray(String[]::new);
  }

  /** The directory of an OAP that exists; 404 for an id that is no OAP. */
  public List<OapPeople.Record> history(long oapId) {
    registry.summary(oapId);
    return people.history(oapId);
  }
}
