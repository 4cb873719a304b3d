package eu.empact.oap.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapDocument.Activity;
import eu.empact.oap.registry.OapDocument.Kpi;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.workspace.VersionDiff.Change;
import eu.empact.oap.workspace.VersionDiff.Kind;
import eu.empact.oap.workspace.VersionDiff.Part;
import eu.empact.oap.workspace.VersionDiff.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The differences between two revisions, per part and field, as the NECs and COSI read them. */
class VersionDiffTest {

  private static final StrategicGoal SG1 = new StrategicGoal(1, "CHSG 1", "Criminal intelligence picture", "Know");
  private static final StrategicGoal SG2 = new StrategicGoal(2, "CHSG 2", "Investigations", "Investigate");

  @Test
  void theSameDocumentHasNoDifferences() {
    OapDocument rev0 = document("14541/23", List.of(SG1, SG2), List.of(oa("2.4", "Central MED Route", List.of("IT"))));

    assertThat(VersionDiff.between(0, rev0, 0, rev0).none()).isTrue();
  }

  @Test
  void aChangedOaShowsOnlyItsChangedFieldsAndTheEntriesTakenOutAndPutIn() {
    OperationalAction before = oa("2.4", "Central MED Route", List.of("IT"));
    OperationalAction after = new OperationalAction("2.4", 2, "Central Mediterranean Route", "CMR", null, null,
        List.of("IT", "AT"), List.of(), List.of("All MS"), List.of("3-Strategic"),
        List.of(new Kpi("a", "Number of operations", "5"), new Kpi("b", "Number of arrests", "20")),
        List.of(new Activity("Joint operation", "Q1-Q4 2024/25")), List.of(), List.of(), List.of(), List.of(),
        List.of());

    Result diff = VersionDiff.between(0, document(null, List.of(SG1, SG2), List.of(before)), 1,
        document("14541/1/23 REV 1", List.of(SG1, SG2), List.of(after)));

    assertThat(diff.header()).containsExactly(new Change("Council document", List.of(), List.of("14541/1/23 REV 1")));
    assertThat(diff.goals()).isEmpty();
    assertThat(diff.actions()).singleElement().satisfies(part -> {
      assertThat(part.anchor()).isEqualTo("oa-2.4");
      assertThat(part.kind()).isEqualTo(Kind.CHANGED);
      assertThat(part.changes()).containsExactly(
          new Change("Title", List.of("Central MED Route"), List.of("Central Mediterranean Route")),
          new Change("Short title", List.of(), List.of("CMR")),
          new Change("Action Leaders", List.of(), List.of("AT")),
          new Change("KPIs", List.of(), List.of("b: Number of arrests (target: 20)")));
    });
  }

  @Test
  void anOaPutInAndOneTakenOutAreNamedSo() {
    OapDocument rev0 = document(null, List.of(SG1, SG2), List.of(oa("1.1", "Picture", List.of("EUROPOL")),
        oa("2.4", "Central MED Route", List.of("IT"))));
    OapDocument rev1 = document(null, List.of(SG1, SG2), List.of(oa("1.1", "Picture", List.of("EUROPOL")),
        oa("2.5", "Eastern Route", List.of("EL"))));

    List<Part> actions = VersionDiff.between(0, rev0, 1, rev1).actions();

    assertThat(actions).extracting(Part::name, Part::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("OA 2.5: Eastern Route", Kind.ADDED),
            org.assertj.core.groups.Tuple.tuple("OA 2.4: Central MED Route", Kind.REMOVED));
    assertThat(actions.get(0).changes()).contains(new Change("Action Leaders", List.of(), List.of("EL")));
    assertThat(actions.get(1).changes()).contains(new Change("Title", List.of("Central MED Route"), List.of()));
  }

  @Test
  void aGoalRewordedAndEntriesReorderedAreShown() {
    StrategicGoal reworded = new StrategicGoal(2, "CHSG 2", "Investigations and prosecutions", "Investigate");
    OperationalAction before = oa("2.4", "Route", List.of("IT", "AT"));
    OperationalAction after = oa("2.4", "Route", List.of("AT", "IT"));

    Result diff = VersionDiff.between(0, document(null, List.of(SG1, SG2), List.of(before)), 1,
        document(null, List.of(SG1, reworded), List.of(after)));

    assertThat(diff.goals()).singleElement().satisfies(part -> {
      assertThat(part.anchor()).isEqualTo("goal-2");
      assertThat(part.changes()).containsExactly(new Change("Title", List.of("Investigations"),
          List.of("Investigations and prosecutions")));
    });
    assertThat(diff.actions().get(0).changes())
        .containsExactly(new Change("Action Leaders (order)", List.of("IT", "AT"), List.of("AT", "IT")));
  }

  private static OapDocument document(String councilDocument, List<StrategicGoal> goals,
                                      List<OperationalAction> actions) {
    return new OapDocument(new OapDocument.Priority("Migrant smuggling", "aim"), "2024-2025", "OAP", "DE", List.of(),
        "LIMITE", councilDocument, goals, actions);
  }

  private static OperationalAction oa(String ref, String title, List<String> leaders) {
    return new OperationalAction(ref, Integer.parseInt(ref.substring(0, ref.indexOf('.'))), title, null, null, null,
        leaders, List.of(), List.of("All MS"), List.of("3-Strategic"),
        List.of(new Kpi("a", "Number of operations", "5")),
        List.of(new Activity("Joint operation", "Q1-Q4 2024/25")), List.of(), List.of(), List.of(), List.of(),
        List.of());
  }
}
