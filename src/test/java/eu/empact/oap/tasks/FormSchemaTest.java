package eu.empact.oap.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/** The deployed forms read as contracts: what each task takes, checked without an engine. */
class FormSchemaTest {

  static FormSchema form(String id) throws IOException {
    return FormSchema.parse(Files.readString(Path.of("forms", id + ".form")));
  }

  static Map<String, Object> shown(Object... pairs) {
    Map<String, Object> shown = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      shown.put((String) pairs[i], pairs[i + 1]);
    }
    return shown;
  }

  @Test
  void takesTheEditableFieldsInTheirTypes() throws IOException {
    FormInput input = form("record-cosi-decision").read(Map.of("decision", "adopt", "adoptionDate", "2024-10-26"),
        name -> null);
    assertThat(input.text("decision")).isEqualTo("adopt");
    assertThat(input.date("adoptionDate")).isEqualTo(LocalDate.of(2024, 10, 26));
    assertThat(input.refused()).isFalse();
  }

  @Test
  void refusesAtOnceAFieldTheFormDoesNotHaveAndNamesItByItsKey() throws IOException {
    assertThatThrownBy(() -> form("record-cosi-decision").read(Map.of("decision", "adopt", "adoptionDate",
        "2024-10-26", "returnedAt", "COSI"), name -> null))
        .isInstanceOfSatisfying(FormRefusal.class, refusal -> assertThat(refusal.problems())
            .containsExactly(new FieldProblem("returnedAt", "returnedAt", "is not a field of this form")));
  }

  @Test
  void aReadOnlyFieldMayComeBackAsShownButNotChanged() throws IOException {
    FormSchema form = form("consider-explanation");
    Map<String, Object> shown = shown("record", "Missed commitments: 1");
    assertThat(form.read(Map.of("decision", "accept", "record", "Missed commitments: 1"),
        shown::get).values()).doesNotContainKey("record");
    assertThatThrownBy(() -> form.read(Map.of("decision", "accept", "record", "Another"),
        shown::get)).isInstanceOfSatisfying(FormRefusal.class, refusal -> assertThat(refusal.problems())
            .extracting(FieldProblem::label).containsExactly("The record"));
  }

  @Test
  void valuesOutOfTheirTypeOrLimitsAreRejectedWithTheLabelAndLeftOut() throws IOException {
    FormInput input = form("review-oap-for-cosi").read(Map.of("decision", "return", "councilDocument", "no number",
        "comments", "x".repeat(4001)), name -> null);
    assertThat(input.rejected()).extracting(FieldProblem::sentence).containsExactly(
        "Comments for the Driver: is 4001 characters long; at most 4000 are allowed");
    assertThat(input.values()).containsOnlyKeys("decision");
    assertThat(form("review-oap-for-cosi").read(Map.of("decision", "approve", "councilDocument", "no number",
        "comments", "x".repeat(4001)), name -> null).rejected()).extracting(FieldProblem::sentence).containsExactly(
        "Council document number: 'no number' does not have the expected form (e.g. 14541/23)");

    assertThat(form("record-cosi-decision").read(Map.of("decision", "perhaps"), name -> null).rejected())
        .extracting(FieldProblem::reason).containsExactly("'perhaps' is not one of the choices (adopt, return)");
    assertThat(form("record-cosi-decision").read(Map.of("decision", "adopt", "adoptionDate", "26/10/2024"),
        name -> null).rejected()).extracting(FieldProblem::reason)
        .containsExactly("'26/10/2024' is not a date (YYYY-MM-DD)");
    assertThat(form("confirm-participation").read(Map.of("confirmed", "yes"), name -> null).rejected())
        .extracting(FieldProblem::reason).containsExactly("must be ticked or not (true or false)");
    assertThat(form("state-participation").read(Map.of("comments", "a\u0000b"), name -> null).rejected())
        .extracting(FieldProblem::reason).containsExactly("contains control characters");
    assertThat(form("open-adoption-cycle").read(Map.of("oapId", new java.math.BigInteger("1" + "0".repeat(30)), "driver", "DE",
        "necMeetingDate", "2030-01-01", "cosiTargetDate", "2030-02-01"), name -> null).values()).doesNotContainKey("oapId");
  }

  @Test
  void aSerializedObjectIsRefusedWhateverTheField() throws IOException {
    TypedValue object = Variables.serializedObjectValue("rO0AB").objectTypeName("java.util.HashMap").create();
    assertThatThrownBy(() -> form("state-participation").read(Map.of("comments", object), name -> null))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("cannot be sent in a form");
  }

  @Test
  void aRequiredFieldTheFormHidesIsNotRequiredAndNotTaken() throws IOException {
    FormSchema form = form("record-cosi-decision");
    FormInput returned = form.read(Map.of("decision", "return", "adoptionDate", "2024-10-26", "comments", "no"),
        name -> null);
    assertThat(returned.values()).containsOnlyKeys("decision", "comments");
    assertThat(returned.missing()).isEmpty();
    FormInput adopted = form.read(Map.of("decision", "adopt"), name -> null);
    assertThat(adopted.missing()).extracting(FieldProblem::sentence).containsExactly("Adopted on: is required");
  }

  @Test
  void aFieldShownOnSomeAnswersKeepsItsRulesForTheServer() throws IOException {
    FormSchema form = form("answer-exhortation");
    Map<String, Object> shown = shown("commitmentKind", "LEADER_REPORT");
    FormInput delivered = form.read(Map.of("answer", "deliver", "humanResources", "1".repeat(33)), shown::get);
    assertThat(delivered.rejected()).extracting(FieldProblem::sentence).containsExactly(
        "Human resources (full-time equivalents, optional): is 33 characters long; at most 32 are allowed");
    assertThat(delivered.missing()).extracting(FieldProblem::label).containsExactly("Stage and status",
        "Progress toward the target", "KPI values");
    FormInput explained = form.read(Map.of("answer", "explain", "humanResources", "1".repeat(33)), shown::get);
    assertThat(explained.rejected()).isEmpty();
    assertThat(explained.missing()).extracting(FieldProblem::label).containsExactly("Explanation");
  }

  @Test
  void aFieldLeftOutKeepsWhatTheFormShowsAndChoicesMayComeFromAVariable() throws IOException {
    Map<String, Object> shown = shown("participatingOas", "[]",
        "oaOptions", "[{\"value\":\"1.1\",\"label\":\"OA 1.1\"},{\"value\":\"2.4\",\"label\":\"OA 2.4\"}]");
    FormSchema form = form("state-participation");
    assertThat(form.read(Map.of(), shown::get).list("participatingOas")).isEmpty();
    assertThat(form.read(Map.of("participatingOas", List.of("2.4", "1.1", "2.4")), shown::get)
        .list("participatingOas")).containsExactly("2.4", "1.1");
    assertThat(form.read(Map.of("participatingOas", "[\"9.9\"]"), shown::get).rejected())
        .extracting(FieldProblem::reason).containsExactly("\"9.9\" is not one of the choices");
  }

  @Test
  void aLongTextShownAsAJsonStringIsReadAsTheText() throws IOException {
    String template = "## SG 1\n" + "assessment ".repeat(500);
    Object prefill = FormText.of(template);
    assertThat(prefill).isInstanceOf(TypedValue.class);
    FormInput input = form("write-driver-report").read(Map.of(), name -> "assessments".equals(name) ? prefill : null);
    assertThat(input.text("assessments")).isEqualTo(template.trim());
    assertThat(FormText.of("short")).isEqualTo("short");
  }

  @Test
  void aListenerSaysMorePreciselyWhyARequiredFieldIsNeeded() {
    FormInput input = new FormInput(Map.of(), List.of(FieldProblem.of("status", "'x' is not one of the choices")),
        List.of(new FieldProblem("comments", "Comments", "is required"),
            new FieldProblem("date", "Date", "is required")));
    Problems problems = new Problems(input).add("comments", "say why the OAP goes back").add("status", "required");
    assertThatThrownBy(problems::refuseIfAny).isInstanceOfSatisfying(FormRefusal.class, refusal ->
        assertThat(refusal.problems()).extracting(FieldProblem::field, FieldProblem::reason).containsExactly(
            org.assertj.core.groups.Tuple.tuple("status", "'x' is not one of the choices"),
            org.assertj.core.groups.Tuple.tuple("comments", "say why the OAP goes back"),
            org.assertj.core.groups.Tuple.tuple("date", "is required")));
  }
}
