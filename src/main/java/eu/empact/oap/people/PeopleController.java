package eu.empact.oap.people;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.registry.ApiAccess;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapAccess;
import eu.empact.oap.registry.OapPeople;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/oaps/{id}/people}: the directory of an OAP (ADR 0016). Read by whoever reads the
 * OAP; replaced whole by the EMPACT Support Unit (every OAP), administrators and the OAP's Driver
 * (its own), 403 for anyone else. {@code /api/tasks/unreachable}: the open tasks nobody can do.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class PeopleController {

  private final OapDirectory directory;
  private final OapAccess oapAccess;
  private final ApiAccess access;
  private final IdentityService identity;
  private final UnreachableTasks unreachable;

  PeopleController(OapDirectory directory, OapAccess oapAccess, ApiAccess access, IdentityService identity,
                   UnreachableTasks unreachable) {
    this.unreachable = unreachable;
    this.directory = directory;
    this.oapAccess = oapAccess;
    this.access = access;
    this.identity = identity;
  }

  /** One person as the directory names it; with who added it when, and who removed it when (history). */
  record PersonView(String role, String actor, String userId, String name, String email, String group,
                    String addedBy, Instant addedAt, String removedBy, Instant removedAt) {}

  /** The people the directory names now, and everyone it named before. */
  record People(long oapId, List<PersonView> people, List<PersonView> history) {}

  @GetMapping("/oaps/{id}/people")
  People read(@PathVariable long id, Authentication user) {
    oapAccess.requireRead(user, id);
    return view(id);
  }

  @PutMapping(path = "/oaps/{id}/people", consumes = MediaType.APPLICATION_JSON_VALUE)
  People replace(@PathVariable long id, @RequestBody List<OapPeople.Person> people, Authentication user) {
    access.requireCanManagePeople(user, id);
    directory.replace(id, people, user.getName());
    return view(id);
  }

  /** Every open task nobody can do (each also an incident in Cockpit): the Support Unit and administrators. */
  @GetMapping("/tasks/unreachable")
  List<UnreachableTasks.Unreachable> unreachable(Authentication user) {
    access.requireOneOf(user, "list the tasks nobody can do", EmpactGroups.SUPPORT_UNIT, EmpactGroups.ADMINISTRATORS);
    return unreachable.list();
  }

  private People view(long id) {
    List<PersonView> all = directory.history(id).stream().map(record -> view(id, record)).toList();
    return new People(id, all.stream().filter(p -> p.removedAt() == null).toList(), all);
  }

  private PersonView view(long oapId, OapPeople.Record record) {
    Optional<User> person = Optional.ofNullable(WithoutAuthorizationChecks.call(
        () -> identity.createUserQuery().userId(record.userId()).singleResult()));
    return new PersonView(record.role().name(), record.actor(), record.userId(),
        person.map(u -> (u.getFirstName() + " " + u.getLastName()).trim()).orElse(null),
        person.map(User::getEmail).orElse(null), record.entry().group(oapId), record.addedBy(), record.addedAt(),
        record.removedBy(), record.removedAt());
  }
}
