package eu.empact.oap.registry;

import eu.empact.oap.registry.RegistryViews.ActionView;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.registry.RegistryViews.VersionView;
import java.net.URI;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAP registry over HTTP: {@code /api/oaps} and {@code /api/actors}. The actors are for any
 * EMPACT role; an OAP and everything in it only for those {@link OapAccess} lets read it.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class RegistryController {

  private final OapRegistry registry;
  private final OapDocumentReader reader;
  private final ActorDirectory actors;
  private final ApiAccess access;
  private final OapAccess oapAccess;
  private final NecConsultation necConsultation;
  private final Tasking tasking;

  RegistryController(OapRegistry registry, OapDocumentReader reader, ActorDirectory actors, ApiAccess access,
                     OapAccess oapAccess, NecConsultation necConsultation, Tasking tasking) {
    this.registry = registry;
    this.reader = reader;
    this.actors = actors;
    this.access = access;
    this.oapAccess = oapAccess;
    this.necConsultation = necConsultation;
    this.tasking = tasking;
  }

  @GetMapping("/actors")
  List<Actor> actors(Authentication user) {
    access.requireEmpactRole(user);
    return actors.all();
  }

  /** The Member States of a period ("2012", "2024-2025"), as the registry resolves "All MS" for an OAP of it. */
  @GetMapping("/member-states")
  List<Actor> memberStates(@RequestParam String period, Authentication user) {
    access.requireEmpactRole(user);
    Period parsed = Period.parse(period);
    if (parsed == null) {
      throw new InvalidOapDocumentException(List.of(new Problem("period", Period.refusal(period))));
    }
    return actors.memberStates(parsed);
  }

  @GetMapping("/actors/resolve")
  Actor resolve(@RequestParam String name, Authentication user) {
    access.requireEmpactRole(user);
    return actors.resolve(name).orElseThrow(() -> new NotFoundException("no actor is known as '" + name + "'"));
  }

  /** The OAPs the user may read; the others are not named. */
  @GetMapping("/oaps")
  List<OapSummary> oaps(Authentication user) {
    access.requireEmpactRole(user);
    return registry.list().stream().filter(oap -> oapAccess.mayRead(user, oap.id())).toList();
  }

  /** Takes the document as text so that malformed JSON is reported like any other problem. */
  @PostMapping(path = "/oaps/import", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<OapSummary> importOap(@RequestBody(required = false) String body, Authentication user) {
    access.requireCanImport(user);
    OapDocument document = reader.read(body);
    OapSummary created = registry.importDocument(document, reader.people(body), user.getName());
    return ResponseEntity.created(URI.create("/api/oaps/" + created.id())).body(created);
  }

  @GetMapping("/oaps/{id}")
  OapDocument export(@PathVariable long id, Authentication user) {
    oapAccess.requireRead(user, id);
    return registry.export(id);
  }

  @PutMapping(path = "/oaps/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  OapSummary replaceDraft(@PathVariable long id, @RequestBody(required = false) String body, Authentication user) {
    access.requireCanEdit(user, id);
    return registry.replaceDraft(id, reader.read(body, registry.summary(id)), user.getName());
  }

  /** What a person should confirm or resolve in what was read from the current version's texts. */
  @GetMapping("/oaps/{id}/reading-notes")
  List<RegistryViews.ReadingNote> readingNotes(@PathVariable long id, Authentication user) {
    oapAccess.requireRead(user, id);
    return registry.readingNotes(id);
  }

  @GetMapping("/oaps/{id}/summary")
  OapSummary summary(@PathVariable long id, Authentication user) {
    oapAccess.requireRead(user, id);
    return registry.summary(id);
  }

  @GetMapping("/oaps/{id}/versions")
  List<VersionView> versions(@PathVariable long id, Authentication user) {
    oapAccess.requireRead(user, id);
    return registry.versions(id);
  }

  @GetMapping("/oaps/{id}/versions/{revision}")
  OapDocument exportVersion(@PathVariable long id, @PathVariable int revision, Authentication user) {
    oapAccess.requireRead(user, id);
    return registry.export(id, revision);
  }

  /** Every answer for the OAP's managers; for a NEC, its own Member State's only. */
  @GetMapping("/oaps/{id}/versions/{revision}/nec-answers")
  List<NecConsultation.Answer> necAnswers(@PathVariable long id, @PathVariable int revision, Authentication user) {
    Predicate<String> readable = oapAccess.necAnswersReadable(user, id);
    return necConsultation.answers(id, revision).stream().filter(answer -> readable.test(answer.memberState()))
        .toList();
  }

  /**
   * The NECs' answers on the latest version put to the NECs as a matrix (Member States x OAs): every
   * row for the OAP's managers; for a NEC, its own Member State's row only.
   */
  @GetMapping("/oaps/{id}/nec-answers")
  NecConsultation.Matrix necAnswerMatrix(@PathVariable long id, Authentication user) {
    Predicate<String> readable = oapAccess.necAnswersReadable(user, id);
    NecConsultation.Matrix matrix = necConsultation.matrix(id);
    return new NecConsultation.Matrix(matrix.oapId(), matrix.revision(), matrix.versionStatus(), matrix.endorsed(),
        matrix.operationalActions(), matrix.memberStates().stream().filter(row -> readable.test(row.memberState()))
        .toList());
  }

  /** The tasking sheet of one actor: every OA of the current version it leads or joins. */
  @GetMapping("/oaps/{id}/tasking/{actor}")
  Tasking.Sheet tasking(@PathVariable long id, @PathVariable String actor, Authentication user) {
    return tasking.sheet(id, oapAccess.requireCanReadActor(user, id, actor, "tasking sheet"));
  }

  /** The same sheet as a page to read or print. */
  @GetMapping(path = "/oaps/{id}/tasking/{actor}", produces = MediaType.TEXT_HTML_VALUE)
  String taskingPage(@PathVariable long id, @PathVariable String actor, Authentication user) {
    return TaskingPage.render(tasking.sheet(id, oapAccess.requireCanReadActor(user, id, actor, "tasking sheet")));
  }

  @GetMapping("/oaps/{id}/actions")
  List<ActionView> actions(@PathVariable long id, Authentication user) {
    oapAccess.requireRead(user, id);
    return registry.actions(id);
  }
}
