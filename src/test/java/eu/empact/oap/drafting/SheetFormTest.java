package eu.empact.oap.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.registry.OapDocument;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** An OA sheet as the drafting page sends it: entries per line, rows, and the row a button moves or removes. */
class SheetFormTest {

  @Test
  void aRowOperationActsOnTheRowAsThePageShowedItAndEmptyRowsAreDroppedAfter() {
    MultiValueMap<String, String> form = form();
    form.add("kpis[0].indicator", "Arrests");
    form.add("kpis[1].indicator", "");
    form.add("kpis[2].indicator", "Seizures");
    form.add("kpis[3].indicator", "JITs");
    form.add("kpis[4].indicator", "");

    SheetForm removed = SheetForm.sent("2.4", form, "remove-row:kpis:2");
    assertThat(removed.kpis()).extracting(SheetForm.KpiRow::indicator).containsExactly("Arrests", "JITs");
    SheetForm moved = SheetForm.sent("2.4", form, "up-row:kpis:3");
    assertThat(moved.kpis()).extracting(SheetForm.KpiRow::indicator).containsExactly("Arrests", "JITs", "Seizures");
    SheetForm saved = SheetForm.sent("2.4", form, "save");
    assertThat(saved.kpis()).extracting(SheetForm.KpiRow::indicator).containsExactly("Arrests", "Seizures", "JITs");
  }

  @Test
  void theOaItWritesKeepsWhatThePageDoesNotEdit() {
    MultiValueMap<String, String> form = form();
    form.add("actionLeaders", "HU, AT and Frontex\n\n  Europol ");
    form.add("description", "  ");
    form.add("activities[0].description", "Kick-off");
    form.add("activities[0].timing", "Q1 2024");
    OapDocument.OperationalAction replaced = new OapDocument.OperationalAction("2.4", 2, "Old", null, null, null,
        null, null, null, null, null, null, null, null, List.of("SG 2"), null,
        List.of(new OapDocument.Footnote("7", "Frontex leads at the borders.")));

    OapDocument.OperationalAction oa = SheetForm.sent("2.4", form, null).action(2, replaced);

    assertThat(oa.title()).isEqualTo("Central MED Route");
    assertThat(oa.actionLeaders()).containsExactly("HU, AT and Frontex", "Europol");
    assertThat(oa.description()).isNull();
    assertThat(oa.activities()).containsExactly(new OapDocument.Activity("Kick-off", "Q1 2024"));
    assertThat(oa.crossReferencedGoals()).containsExactly("SG 2");
    assertThat(oa.footnotes()).hasSize(1);
  }

  private static MultiValueMap<String, String> form() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("ref", "2.4");
    form.add("strategicGoal", "2");
    form.add("title", "Central MED Route");
    return form;
  }
}
