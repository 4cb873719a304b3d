package eu.empact.oap.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapDocument.Activity;
import eu.empact.oap.registry.OapDocument.Kpi;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.registry.Participation;
import eu.empact.oap.registry.RegistryViews.VersionEvent;
import eu.empact.oap.registry.Tasking;
import eu.empact.oap.registry.VersionStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the adoption's forms show of what their users decide on, for a recorded version. */
class AdoptionBriefingsTest {

  static final String BASE = "http://empact.example/oaps/7";

  static OperationalAction oa(String ref, int goal, String title, List<String> leaders, List<String> coLeaders,
                              List<String> participants) {
    return new OperationalAction(ref, goal, title, null, null, "Dismantle 3 networks", leaders, coLeaders,
        participants, List.of(), List.of(new Kpi("a", "Number of arrests", "50"), new Kpi("b", "Joint action days",
            "2 per year")), List.of(new Activity("Operational meeting in The Hague", "Q1 2026")), List.of(), List.of(),
        List.of(), List.of(), List.of());
  }

  static final List<StrategicGoal> VERSION_GOALS = List.of(new StrategicGoal(2, "CHSG 2", "Criminal networks", null));

  static final AdoptionBriefings.Version VERSION = new AdoptionBriefings.Version(
      "Migrant smuggling 2026-2027 REV 1", BASE + "?rev=1", ref -> BASE + "?rev=1#oa-" + ref, VERSION_GOALS,
      List.of(oa("2.10", 2, "Central MED Route", List.of("IT"), List.of("AT"), List.of("FR")),
          oa("2.2", 2, "Balkan route | *first*", List.of("AT", "IT"), List.of(), List.of("DE"))));

  static final VersionEvent DRIVER_NOTES = new VersionEvent("DRAFT_SUBMITTED", VersionStatus.DRAFT, "driver",
      Instant.parse("2026-03-01T10:00:00Z"), "Please check the KPIs of 2.10");

  @Test
  void theActionLeaderSeesTheSheetsOfItsOasAndTheDriversNotes() {
    String text = AdoptionBriefings.leadership(VERSION, "IT", DRIVER_NOTES);
    assertThat(text).contains("[Migrant smuggling 2026-2027 REV 1](" + BASE + "?rev=1)")
        .contains("The Driver's notes to the Action Leaders and the Support Unit (driver, 2026-03-01, draft submitted)")
        .contains("> Please check the KPIs of 2.10")
        .contains("is asked to lead or co-lead (2)")
        .contains("##### OA 2.2 Balkan route \\| \\*first\\*")
        .contains("**Strategic goal:** SG 2 Criminal networks")
        .contains("**Action Leaders:** IT").contains("**Co-Action Leaders:** AT").contains("**Participants:** FR")
        .contains("| 1 | Operational meeting in The Hague | Q1 2026 |")
        .contains("| a | Number of arrests | 50 |").contains("| b | Joint action days | 2 per year |")
        .contains("(" + BASE + "?rev=1#oa-2.10)");
    assertThat(text.indexOf("OA 2.2 ")).isLessThan(text.indexOf("OA 2.10 "));
    // AT leads 2.2 and co-leads 2.10: co-leaders are leaders (ADR 0016)
    assertThat(AdoptionBriefings.leadership(VERSION, "AT", null)).contains("is asked to lead or co-lead (2)")
        .contains("**The Driver's notes to the Action Leaders and the Support Unit:** none")
        .contains("##### OA 2.10 ");
  }

  @Test
  void theNecSeesEveryOaWithGoalLeadersActivitiesAndKpisInTheOrderOfTheRefs() {
    String text = AdoptionBriefings.necAnswer(VERSION);
    assertThat(text).contains("The operational actions (2)").contains("| a | Number of arrests | 50 |")
        .contains("**Action Leaders:** AT, IT");
    assertThat(text.indexOf("OA 2.2 ")).isLessThan(text.indexOf("OA 2.10 "));
  }

  @Test
  void eachSetOfSheetsOfAVersionIsRenderedOnceForAllItsTasks() {
    AdoptionBriefings.Version version = new AdoptionBriefings.Version("Firearms 2026-2027 REV 2", BASE + "?rev=2",
        ref -> BASE + "?rev=2#oa-" + ref, VERSION_GOALS, VERSION.actions());
    String first = version.sheets(version.actions());

    // the 27 NEC tasks of a version show the very same text, rendered once
    assertThat(version.sheets(List.copyOf(version.actions()))).isSameAs(first);
    assertThat(AdoptionBriefings.necAnswer(version)).contains(first);
    String italy = AdoptionBriefings.leadership(version, "IT", null);
    assertThat(version.sheets(List.of(version.actions().get(1)))).isNotEqualTo(first).contains("OA 2.2 ")
        .doesNotContain("OA 2.10 ");
    assertThat(italy).contains(first);
    assertThat(version.sheets(List.of())).isEqualTo("*None.*\n");
  }

  @Test
  void theSupportUnitSeesTheAnswersOfTheNecsAndCosiTheirOutcome() {
    String answers = AdoptionBriefings.necOutcome(VERSION, BASE + "/nec-answers", List.of(
        new NecConsultation.Answer("FR", NecConsultation.Status.ANSWERED, List.of("2.10", "2.2"), "only 2.2 in 2026",
            "nec-fr", Instant.parse("2026-03-10T10:00:00Z")),
        new NecConsultation.Answer("DE", NecConsultation.Status.NO_ANSWER, List.of(), null, null, null)));
    assertThat(answers).contains("(1 of 2 answered)").contains("| FR | OA 2.2, 2.10 | only 2.2 in 2026 |")
        .contains("| DE | no answer | — |").contains("(" + BASE + "/nec-answers)");

    VersionEvent revise = new VersionEvent("NEC_MEETING_REVISE", VersionStatus.UNDER_NEC_DISCUSSION, "esu",
        Instant.parse("2026-04-02T10:00:00Z"), "Add a KPI on seizures to 2.10");
    assertThat(AdoptionBriefings.cosiReview(VERSION, revise, BASE + "/diff?from=0&to=1"))
        .contains("The NEC meeting's outcome (esu, 2026-04-02, nec meeting revise)")
        .contains("> Add a KPI on seizures to 2.10").contains("(" + BASE + "/diff?from=0&to=1)")
        .contains("| a | Number of arrests | 50 |");
    VersionEvent approved = new VersionEvent("COSI_SECRETARIAT_REVIEW_APPROVE", VersionStatus.SUBMITTED_TO_COSI, "cosi",
        Instant.parse("2026-05-02T10:00:00Z"), "Council document 14541/26");
    assertThat(AdoptionBriefings.cosiDecision(VERSION, revise, approved))
        .contains("> Add a KPI on seizures to 2.10").contains("> Council document 14541/26");
  }

  @Test
  void anActorSeesItsTaskingWithItsRoleAndTheSheets() {
    Tasking.Sheet sheet = new Tasking.Sheet(7, "Migrant smuggling 2026-2027", 1, VersionStatus.ADOPTED, null, List.of(
        new Tasking.Line("2.10", "Central MED Route", Participation.Role.PARTICIPANT, Participation.Status.ACTIVE,
            Participation.Source.OAP_TEXT, null, null, null, null, "IT; co-leaders MT")));
    String text = AdoptionBriefings.tasking(VERSION, sheet, BASE + "/tasking");
    assertThat(text).contains("| 2.10 | Central MED Route | IT; co-leaders MT | participant |").contains("(" + BASE + "/tasking)")
        .contains("##### OA 2.10 Central MED Route").doesNotContain("OA 2.2 ");
  }
}
