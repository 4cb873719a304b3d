package eu.empact.oap.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader without a database, on a plan written the way the 2012 plans write it: it accepts what
 * a real document says and returns it as written; it refuses only what no document can mean, with
 * every problem in one answer, in document order, each OA named by its ref.
 */
class OapDocumentReaderTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final OapDocumentReader reader = new OapDocumentReader(JSON, new ActorDirectory(null, null) {
    @Override
    Snapshot snapshot() {
      return ActorTextTest.ACTORS;
    }
  });

  @Test
  void acceptsAnOlderPlanAsWritten() {
    ObjectNode plan = plan2012(3);
    ObjectNode oa = action(plan, 0);
    oa.remove("types");
    oa.putArray("actionLeaders").add("HU, AT and Frontex");
    oa.putArray("participants").add("Frontex").add("MS concerned involved in EUROSUR, DZ, TN, LY, EG.");
    oa.withArray("kpis").addObject().put("indicator", "Number of HIO").put("target", "all HIO trained");
    oa.withArray("activities").addObject().put("description", "Joint operation")
        .put("timing", "1st phase: 1-2 weeks in April/May ".repeat(100));
    oa.put("description", "Operation FIMATHU at the HU-RS border section").put("target", "KPI: Number of HIO");
    oa.putArray("crossReferencedGoals").add("SG 2, SG 4");
    oa.putArray("crossReferencedActions").add("2.1, 5.2");
    oa.putArray("footnotes").addObject().put("marker", "7")
        .put("text", "Frontex is leader for any possible operations at the external borders.");
    action(plan, 1).putArray("actionLeaders").add("Frontex Europol");
    action(plan, 2).putArray("actionLeaders").add("Atlantis in cooperation with EC");

    OapDocument document = reader.read(plan.toString());

    OperationalAction first = document.operationalActions().get(0);
    assertThat(first.actionLeaders()).containsExactly("HU, AT and Frontex");
    assertThat(first.participants()).containsExactly("Frontex", "MS concerned involved in EUROSUR, DZ, TN, LY, EG.");
    assertThat(first.types()).isEmpty();
    assertThat(first.kpis().get(0).code()).isNull();
    assertThat(first.activities().get(0).timing()).hasSize(3400);
    assertThat(first.crossReferencedGoals()).containsExactly("SG 2, SG 4");
    assertThat(first.footnotes()).extracting(OapDocument.Footnote::marker).containsExactly("7");
    assertThat(document.operationalActions().get(2).actionLeaders()).containsExactly("Atlantis in cooperation with EC");
    assertThat(document.driver()).isEqualTo("IT");
    assertThat(JSON.valueToTree(document).at("/operationalActions/0/description").asText())
        .isEqualTo("Operation FIMATHU at the HU-RS border section");
  }

  @Test
  void listsEveryProblemInDocumentOrderNamingEachOaByItsRef() {
    ObjectNode plan = plan2012(12);
    action(plan, 10).put("strategicGoal", 9);
    action(plan, 1).putArray("actionLeaders");
    ((ObjectNode) action(plan, 2).withArray("kpis").addObject()).putObject("indicator");
    action(plan, 2).putArray("participants").add("Atlantis");
    action(plan, 11).put("ref", "1.1");
    plan.put("driver", "Gondor");

    List<Problem> problems = refused(plan);

    assertThat(problems).extracting(Problem::path).containsExactly(
        "$.driver",
        "$.operationalActions[OA 1.2].actionLeaders",
        "$.operationalActions[OA 1.3].kpis[0].indicator",
        "$.operationalActions[OA 1.11].ref",
        "$.operationalActions[OA 1.11].strategicGoal",
        "$.operationalActions[11].ref");
    assertThat(problems.get(1).reason()).isEqualTo("OA 1.2 has no Action Leader; at least one is required");
    assertThat(problems.get(2).reason()).contains("object found, string expected");
    assertThat(problems.get(5).reason()).isEqualTo("OA 1.1 is listed twice");
  }

  @Test
  void aReplacementThatChangesThePeriodSaysSoWithTheOtherProblems() {
    ObjectNode plan = plan2012(2);
    plan.put("period", "2013");
    action(plan, 1).put("title", 42);
    OapSummary oap = new OapSummary(7, "Illegal immigration", "2012", "OAP 2012", "IT", List.of(), 0,
        VersionStatus.DRAFT, null, null, 2, 0, 0);

    InvalidOapDocumentException refused = catchThrowableOfType(() -> reader.read(plan.toString(), oap),
        InvalidOapDocumentException.class);

    assertThat(refused.problems()).extracting(Problem::path)
        .containsExactly("$.period", "$.operationalActions[OA 1.2].title");
    assertThat(refused.problems().get(0).reason()).isEqualTo("this OAP covers 2012; its period cannot change");
  }

  @Test
  void anOaWithoutARefThatIsARefIsNamedByItsPlace() {
    ObjectNode plan = plan2012(2);
    action(plan, 1).put("ref", "one.two");

    assertThat(refused(plan)).singleElement().satisfies(problem -> {
      assertThat(problem.path()).isEqualTo("$.operationalActions[1].ref");
      assertThat(problem.reason()).contains("does not match the regex pattern");
    });
  }

  @Test
  void operationalActionsThatAreNoListAreAProblemNotAFailure() {
    ObjectNode plan = plan2012(1);
    plan.putObject("operationalActions").put("ref", "1.1");

    assertThat(refused(plan)).extracting(Problem::path).containsExactly("$.operationalActions");
  }

  private List<Problem> refused(ObjectNode plan) {
    return catchThrowableOfType(() -> reader.read(plan.toString()), InvalidOapDocumentException.class).problems();
  }

  /** An annual plan of 2012 with {@code actions} OAs 1.1, 1.2, ... under goal 1, each led by IT. */
  static ObjectNode plan2012(int actions) {
    ObjectNode plan = JSON.createObjectNode();
    plan.putObject("priority").put("name", "Illegal immigration");
    plan.put("period", "2012").put("title", "Operational Action Plan 2012: Illegal Immigration").put("driver", "Italy");
    plan.putArray("coDrivers").add("Frontex");
    plan.putArray("strategicGoals").addObject().put("number", 1).put("title", "Goal 1");
    ArrayNode oas = plan.putArray("operationalActions");
    for (int i = 1; i <= actions; i++) {
      ObjectNode oa = oas.addObject().put("ref", "1." + i).put("strategicGoal", 1).put("title", "Activity " + i);
      oa.putArray("actionLeaders").add("IT");
    }
    return plan;
  }

  static ObjectNode action(ObjectNode plan, int index) {
    return (ObjectNode) plan.withArray("operationalActions").get(index);
  }
}
