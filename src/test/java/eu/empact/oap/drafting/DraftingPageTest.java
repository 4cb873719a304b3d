package eu.empact.oap.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.adoption.AdoptionProcess;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.BrowserSession;
import eu.empact.oap.support.OapDocuments;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The drafting page over real HTTP, with the webapps' session as a browser has it: the Driver and
 * the Support Unit save, reorder and remove parts of a draft through the registry's checks; a
 * refused save writes nothing and names each field by its label; the forms need the session's CSRF
 * token; nobody else opens the page; once the draft is submitted, or for a version that is no
 * draft, the page is read-only.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "empact.demo.enabled=true", "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:empact-drafting;DB_CLOSE_DELAY=-1"})
class DraftingPageTest {

  static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  String root;
  long oapId;
  String page;
  ProcessInstance adoption;

  @BeforeEach
  void aDraftInItsAdoption() {
    root = "http://localhost:" + port;
    oapId = registry.importDocument(reader.read(OapDocuments.demoUnderNewPriority().json()), "esu").id();
    identity.createMembership("driver", EmpactGroups.driver(oapId));
    identity.createMembership("codriver", EmpactGroups.coDriver(oapId));
    page = "/oaps/" + oapId + "/draft";
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    adoption = runtime.startProcessInstanceByKey(AdoptionProcess.KEY, Map.of(AdoptionProcess.OAP_ID, oapId,
        AdoptionProcess.DRIVER, "DE", AdoptionProcess.NEC_MEETING_DATE, today.plusDays(30).toString(),
        AdoptionProcess.COSI_TARGET_DATE, today.plusDays(60).toString()));
  }

  @Test
  void theDriverSavesAnOaSheetAsSheGoes() {
    BrowserSession driver = BrowserSession.loggedIn(root, "driver");
    HttpResponse<String> shown = driver.get(page);
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    assertThat(shown.body()).contains("id=\"oa-2.4\"").contains("Central MED Route").doesNotContain("The draft is read-only")
        .contains("<fieldset class=\"draft\">");

    List<Map.Entry<String, String>> sheet = sheet(action("2.4"), token(shown));
    set(sheet, "title", "Central MED Route, with Libya");
    set(sheet, "kpis[0].target", "12 HVTs");
    sheet.add(Map.entry("types", "3-Strategic"));
    HttpResponse<String> saved = driver.postForm(page + "/oas/2.4", sheet);

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(page + "#oa-2.4");
    OperationalAction oa = action("2.4");
    assertThat(oa.title()).isEqualTo("Central MED Route, with Libya");
    assertThat(oa.kpis().get(0).target()).isEqualTo("12 HVTs");
    assertThat(oa.types()).contains("3-Strategic");
    assertThat(registry.version(oapId, 0).history()).anySatisfy(event -> {
      assertThat(event.event()).isEqualTo("EDITED");
      assertThat(event.user()).isEqualTo("driver");
    });
    assertThat(driver.get(page).body()).contains("OA 2.4 saved.").contains("Central MED Route, with Libya");
  }

  @Test
  void aRefusedSaveWritesNothingAndSaysWhyNextToEachFieldByItsLabel() {
    BrowserSession driver = BrowserSession.loggedIn(root, "driver");
    OapDocument before = registry.export(oapId);
    List<Map.Entry<String, String>> sheet = sheet(action("2.4"), token(driver.get(page)));
    set(sheet, "title", "");
    set(sheet, "ref", "3.9");
    set(sheet, "kpis[0].code", "much-too-long");
    set(sheet, "actionLeaders", "");

    HttpResponse<String> refused = driver.postForm(page + "/oas/2.4", sheet);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("OA 2.4 was not saved, nothing was written: 4 problems, shown next to their fields below.")
        .contains("Title: must be at least 1 characters long")
        .contains("Ref: OA 3.9 lies outside its strategic goal 2")
        .contains("KPI 1, code: must be at most 8 characters long")
        .contains("Action Leaders: OA 3.9 has no Action Leader")
        .contains("value=\"much-too-long\"")
        .contains("aria-invalid=\"true\"");
    assertThat(registry.export(oapId)).isEqualTo(before);

    set(sheet, "strategicGoal", "two");
    assertThat(driver.postForm(page + "/oas/2.4", sheet).body())
        .contains("Strategic goal: must be the number of one of the OAP&#39;s strategic goals");
    assertThat(registry.export(oapId)).isEqualTo(before);
  }

  @Test
  void theSupportUnitReordersAndRemovesGoalsSheetsKpisAndActivities() {
    BrowserSession esu = BrowserSession.loggedIn(root, "esu");
    String token = token(esu.get(page));
    List<String> refs = refs();
    int at = refs.indexOf("2.4");

    assertThat(esu.postForm(page + "/oas/2.4/up", List.of(Map.entry("_csrf", token))).statusCode()).isEqualTo(302);
    assertThat(refs().indexOf("2.4")).isEqualTo(at - 1);
    assertThat(esu.postForm(page + "/oas/2.4/down", List.of(Map.entry("_csrf", token))).statusCode()).isEqualTo(302);
    assertThat(refs()).isEqualTo(refs);

    OperationalAction oa = action("2.4");
    assertThat(oa.kpis()).hasSizeGreaterThan(1);
    List<Map.Entry<String, String>> sheet = sheet(oa, token);
    sheet.add(Map.entry("action", "up-row:kpis:1"));
    assertThat(esu.postForm(page + "/oas/2.4", sheet).statusCode()).isEqualTo(302);
    assertThat(action("2.4").kpis()).containsExactly(swapFirstTwo(oa.kpis()).toArray(OapDocument.Kpi[]::new));

    List<Map.Entry<String, String>> withoutActivity = sheet(action("2.4"), token);
    withoutActivity.add(Map.entry("action", "remove-row:activities:0"));
    assertThat(esu.postForm(page + "/oas/2.4", withoutActivity).statusCode()).isEqualTo(302);
    assertThat(action("2.4").activities()).isEqualTo(oa.activities().subList(1, oa.activities().size()));

    List<Map.Entry<String, String>> added = new ArrayList<>(List.of(Map.entry("_csrf", token),
        Map.entry("number", "9"), Map.entry("title", "A goal of our own"), Map.entry("chsg", ""),
        Map.entry("objective", "")));
    assertThat(esu.postForm(page + "/goals/new", added).statusCode()).isEqualTo(302);
    assertThat(registry.export(oapId).strategicGoals()).last().satisfies(goal -> {
      assertThat(goal.number()).isEqualTo(9);
      assertThat(goal.title()).isEqualTo("A goal of our own");
    });
    HttpResponse<String> goalWithOas = esu.postForm(page + "/goals/2/remove", List.of(Map.entry("_csrf", token)));
    assertThat(goalWithOas.statusCode()).isEqualTo(400);
    assertThat(goalWithOas.body()).contains("OA 2.4, Strategic goal: strategic goal 2 is not among the OAP&#39;s strategic goals");
    assertThat(esu.postForm(page + "/goals/9/remove", List.of(Map.entry("_csrf", token))).statusCode()).isEqualTo(302);
    assertThat(registry.export(oapId).strategicGoals()).noneMatch(goal -> goal.number() == 9);

    assertThat(esu.postForm(page + "/oas/2.4/remove", List.of(Map.entry("_csrf", token))).statusCode()).isEqualTo(302);
    assertThat(refs()).doesNotContain("2.4").hasSize(refs.size() - 1);
  }

  /** Two people saving at the same moment: no error, and neither undoes the other's part. */
  @Test
  void savesAtTheSameMomentEachSaveTheirPart() {
    List<String> refs = List.of("1.1", "2.1", "2.4", "3.1", "5.1", "6.1", "7.1", "8.1");
    Map<String, BrowserSession> people = new HashMap<>();
    Map<String, List<Map.Entry<String, String>>> sheets = new HashMap<>();
    for (String ref : refs) {
      BrowserSession person = BrowserSession.loggedIn(root, refs.indexOf(ref) % 2 == 0 ? "driver" : "esu");
      List<Map.Entry<String, String>> sheet = sheet(action(ref), token(person.get(page)));
      set(sheet, "target", "Saved at once: " + ref);
      people.put(ref, person);
      sheets.put(ref, sheet);
    }
    List<Integer> answers = refs.parallelStream()
        .map(ref -> people.get(ref).postForm(page + "/oas/" + ref, sheets.get(ref)).statusCode()).toList();

    assertThat(answers).containsOnly(302);
    assertThat(registry.export(oapId).operationalActions()).filteredOn(oa -> refs.contains(oa.ref()))
        .extracting(OperationalAction::target).containsExactlyElementsOf(refs.stream().map(ref -> "Saved at once: " + ref)
            .toList());
  }

  @Test
  void aFormWithoutTheSessionsTokenIsRefusedAndWritesNothing() {
    BrowserSession driver = BrowserSession.loggedIn(root, "driver");
    OapDocument before = registry.export(oapId);
    List<Map.Entry<String, String>> sheet = sheet(action("2.4"), "not-the-token");
    set(sheet, "title", "Forged");

    assertThat(driver.postForm(page + "/oas/2.4", sheet).statusCode()).isEqualTo(403);
    sheet.removeIf(field -> field.getKey().equals("_csrf"));
    assertThat(driver.postForm(page + "/oas/2.4", sheet).statusCode()).isEqualTo(403);
    assertThat(registry.export(oapId)).isEqualTo(before);
  }

  @Test
  void nobodyButTheDriverAndTheSupportUnitOpensThePage() {
    OapDocument before = registry.export(oapId);
    for (String user : List.of("codriver", "cosi", "nec-fr", "al-it", "demo")) {
      BrowserSession other = BrowserSession.loggedIn(root, user);
      HttpResponse<String> shown = other.get(page);
      assertThat(shown.statusCode()).as(user).isEqualTo(403);
      assertThat(shown.body()).contains(user + " may not draft OAP " + oapId);
      List<Map.Entry<String, String>> sheet = sheet(action("2.4"), other.webappToken());
      set(sheet, "title", "Not theirs");
      assertThat(other.postForm(page + "/oas/2.4", sheet).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(registry.export(oapId)).isEqualTo(before);
    HttpResponse<String> anonymous = BrowserSession.anonymous(root).get(page);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(anonymous.body()).contains("<a href=\"/camunda/app/tasklist/default/\">Log in to Tasklist</a>");
  }

  @Test
  void onceTheDraftIsSubmittedThePageIsReadOnly() {
    BrowserSession driver = BrowserSession.loggedIn(root, "driver");
    String token = token(driver.get(page));
    String draftTask = tasks.createTaskQuery().processInstanceId(adoption.getId())
        .taskDefinitionKey(AdoptionProcess.TASK_DRAFT).singleResult().getId();
    tasks.complete(draftTask, Map.of(AdoptionProcess.COMMENTS, "ready"));
    OapDocument before = registry.export(oapId);

    HttpResponse<String> shown = driver.get(page);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains("The draft is read-only: it can be edited here only while the Driver&#39;s "
        + "draft task is open in Tasklist").contains("<fieldset class=\"draft\" disabled=\"disabled\">");
    List<Map.Entry<String, String>> sheet = sheet(action("2.4"), token);
    set(sheet, "title", "Too late");
    HttpResponse<String> refused = driver.postForm(page + "/oas/2.4", sheet);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("Nothing was saved.");
    assertThat(registry.export(oapId)).isEqualTo(before);
  }

  @Test
  void anAdoptedVersionIsReadOnly() {
    long adopted = registry.list().stream().filter(oap -> oap.status().name().equals("ADOPTED")).findFirst()
        .orElseThrow().id();
    HttpResponse<String> shown = BrowserSession.loggedIn(root, "esu").get("/oaps/" + adopted + "/draft");
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains("is ADOPTED: an adopted version never changes.");
  }

  private OperationalAction action(String ref) {
    return registry.export(oapId).operationalActions().stream().filter(oa -> oa.ref().equals(ref)).findFirst()
        .orElseThrow();
  }

  private List<String> refs() {
    return registry.export(oapId).operationalActions().stream().map(OperationalAction::ref).toList();
  }

  /** The fields an OA sheet's form sends, as the page fills them. */
  private static List<Map.Entry<String, String>> sheet(OperationalAction oa, String token) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("_csrf", token));
    fields.add(Map.entry("ref", oa.ref()));
    fields.add(Map.entry("strategicGoal", String.valueOf(oa.strategicGoal())));
    fields.add(Map.entry("title", oa.title()));
    fields.add(Map.entry("shortTitle", oa.shortTitle() == null ? "" : oa.shortTitle()));
    fields.add(Map.entry("description", oa.description() == null ? "" : oa.description()));
    fields.add(Map.entry("target", oa.target() == null ? "" : oa.target()));
    fields.add(Map.entry("actionLeaders", String.join("\n", oa.actionLeaders())));
    fields.add(Map.entry("coActionLeaders", String.join("\n", oa.coActionLeaders())));
    fields.add(Map.entry("participants", String.join("\n", oa.participants())));
    oa.types().forEach(type -> fields.add(Map.entry("types", type)));
    for (int i = 0; i < oa.kpis().size(); i++) {
      OapDocument.Kpi kpi = oa.kpis().get(i);
      fields.add(Map.entry("kpis[" + i + "].code", kpi.code() == null ? "" : kpi.code()));
      fields.add(Map.entry("kpis[" + i + "].indicator", kpi.indicator()));
      fields.add(Map.entry("kpis[" + i + "].target", kpi.target() == null ? "" : kpi.target()));
    }
    for (int i = 0; i < oa.activities().size(); i++) {
      fields.add(Map.entry("activities[" + i + "].description", oa.activities().get(i).description()));
      fields.add(Map.entry("activities[" + i + "].timing", oa.activities().get(i).timing() == null ? ""
          : oa.activities().get(i).timing()));
    }
    fields.add(Map.entry("linksToOtherOaps", String.join("\n", oa.linksToOtherOaps())));
    fields.add(Map.entry("jointActionDays", String.join("\n", oa.jointActionDays())));
    return fields;
  }

  private static void set(List<Map.Entry<String, String>> fields, String name, String value) {
    fields.replaceAll(field -> field.getKey().equals(name) ? Map.entry(name, value) : field);
  }

  private static <T> List<T> swapFirstTwo(List<T> list) {
    List<T> swapped = new ArrayList<>(list);
    swapped.set(0, list.get(1));
    swapped.set(1, list.get(0));
    return swapped;
  }

  /** The CSRF token the page's forms carry (the webapps' token of the session). */
  private static String token(HttpResponse<String> page) {
    Matcher field = CSRF_FIELD.matcher(page.body());
    assertThat(field.find()).as("the page's forms carry the CSRF token").isTrue();
    return field.group(1);
  }
}
