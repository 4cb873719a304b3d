package eu.empact.oap.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.registry.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry's problem paths as the drafting page shows them: next to a field by its label, or by their place. */
class FieldLabelsTest {

  @Test
  void aProblemOfTheSheetGoesNextToItsFieldByItsLabel() {
    Messages messages = FieldLabels.ofSheet(List.of(
        new Problem("$.operationalActions[OA 2.4].title", "must be at least 1 characters long"),
        new Problem("$.operationalActions[5].kpis[1].code", "must be at most 8 characters long"),
        new Problem("$.operationalActions[OA 2.4].participants[2]", "must be at least 1 characters long"),
        new Problem("$.operationalActions[OA 2.4].activities[0].timing", "must be at most 4000 characters long"),
        new Problem("$.operationalActions[OA 3.1].strategicGoal", "strategic goal 3 is not among the OAP's strategic goals"),
        new Problem("$.strategicGoals", "must have at least 1 items but found 0")), 5, "2.4");

    assertThat(messages.of("title")).containsExactly("Title: must be at least 1 characters long");
    assertThat(messages.of("kpis[1].code")).containsExactly("KPI 2, code: must be at most 8 characters long");
    assertThat(messages.of("participants")).containsExactly("Participants, line 3: must be at least 1 characters long");
    assertThat(messages.of("activities[0].timing"))
        .containsExactly("Activity 1, timing: must be at most 4000 characters long");
    assertThat(messages.section()).containsExactly(
        "OA 3.1, Strategic goal: strategic goal 3 is not among the OAP's strategic goals",
        "Strategic goals: must have at least 1 items but found 0");
  }

  @Test
  void aProblemOfAGoalGoesNextToItsField() {
    Messages messages = FieldLabels.ofGoal(List.of(new Problem("$.strategicGoals[1].number", "must be at most 99"),
        new Problem("$.operationalActions[OA 2.1].strategicGoal", "strategic goal 2 is not among the OAP's strategic goals")),
        1);

    assertThat(messages.of("number")).containsExactly("Number: must be at most 99");
    assertThat(messages.section()).containsExactly(
        "OA 2.1, Strategic goal: strategic goal 2 is not among the OAP's strategic goals");
  }

  @Test
  void placesInWords() {
    assertThat(FieldLabels.place("$.operationalActions[12].ref")).isEqualTo("OA sheet no. 13, Ref");
    assertThat(FieldLabels.place("$.strategicGoals[0].title")).isEqualTo("Strategic goal no. 1, Title");
    assertThat(FieldLabels.place("$.operationalActions[OA 2.4].types[0]")).isEqualTo("OA 2.4, Types");
    assertThat(FieldLabels.place("$.period")).isEqualTo("$.period");
  }
}
