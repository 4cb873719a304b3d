package eu.empact.oap.benchmark;

import static eu.empact.oap.adoption.AdoptionProcess.*;
import static eu.empact.oap.reporting.ReportingRoundProcess.TASK_ALIGN_ROUND;
import static eu.empact.oap.reporting.ReportingRoundProcess.TASK_RECORD_COSI_NOTE;
import static eu.empact.oap.reporting.ReportingRoundProcess.TASK_RECORD_NEC_MEETING;
import static eu.empact.oap.reporting.ReportingRoundProcess.TASK_REPORT_ON_OA;
import static eu.empact.oap.reporting.ReportingRoundProcess.TASK_REVIEW_DRIVER_REPORT;
import static eu.empact.oap.reporting.ReportingRoundProcess.TASK_SUBMIT_TO_COSI;
import static eu.empact.oap.reporting.ReportingRoundProcess.TASK_WRITE_DRIVER_REPORT;

import com.fasterxml.jackson.databind.JsonNode;
import eu.empact.oap.registry.OapPeople;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.reporting.ReportingRound;
import eu.empact.oap.reporting.ReportingRoundProcess;
import eu.empact.oap.reporting.ReportingRounds;
import eu.empact.oap.support.KpiValues;
import eu.empact.oap.support.OapDocuments;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;

/**
 * An OAP through its cycle as its people do it, through the REST API: imported by the Support
 * Unit, its Driver and Co-Driver named, adopted with every role doing its part (or adopted at
 * once, for the completion figures), and its reporting rounds from the Action Leaders' reports to
 * COSI's note. Every task completed is counted.
 */
final class OapLifecycle {

  final AtomicInteger completions = new AtomicInteger();
  /** What each kind of completion cost; the cycle adds its jobs. */
  final StepCosts steps = new StepCosts();
  private final Bench bench;

  OapLifecycle(Bench bench) {
    this.bench = bench;
  }

  /**
   * The demo OAP under a new priority, imported by the Support Unit, which names its people in the
   * OAP's directory as the demo does (ADR 0016): the Driver, the Co-Driver, and {@code al-<actor>}
   * for every actor that leads or co-leads an OA.
   */
  long importNew() {
    var response = bench.post("esu", "/api/oaps/import", OapDocuments.demoUnderNewPriority().json());
    Bench.expect(201, response, "import");
    long oapId = bench.read(response.body()).get("id").asLong();
    StringBuilder people = new StringBuilder("[{\"role\":\"DRIVER\",\"userId\":\"driver\"},"
        + "{\"role\":\"CO_DRIVER\",\"userId\":\"codriver\"}");
    bench.bean(OapPeople.class).leadingActors(oapId).forEach(actor -> people.append(",{\"role\":\"ACTION_LEADER\","
        + "\"actor\":\"").append(actor).append("\",\"userId\":\"al-").append(actor.toLowerCase(Locale.ROOT))
        .append("\"}"));
    var named = bench.put("esu", "/api/oaps/" + oapId + "/people", people.append("]").toString());
    Bench.expect(200, named, "people");
    return oapId;
  }

  /** COSI's adoption recorded at once (the completion figures need open rounds, not the adoption). */
  void adoptAtOnce(long oapId, LocalDate on) {
    bench.bean(OapRegistry.class).changeStatus(oapId, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI on " + on);
  }

  /** Starts the adoption cycle as the Support Unit does from Tasklist; the process instance. */
  String startAdoption(long oapId, LocalDate necMeeting, LocalDate cosiTarget) {
    var started = bench.post("esu", "/engine-rest/process-definition/key/" + KEY + "/submit-form",
        bench.variables(Map.of(OAP_ID, oapId, DRIVER, "DE", CO_DRIVERS, "", NEC_MEETING_DATE, necMeeting.toString(),
            COSI_TARGET_DATE, cosiTarget.toString())));
    Bench.expect(200, started, "start the adoption of OAP " + oapId);
    return bench.read(started.body()).get("id").asText();
  }

  /** Completes every open task of the activity as the demo user of its group. */
  void completeAll(String instance, String activity, Map<String, Object> values) {
    for (Task task : bench.tasks(instance, activity)) {
      complete(bench.userFor(task), task, values);
    }
  }

  void complete(String user, Task task, Map<String, Object> values) {
    steps.measure(task.getTaskDefinitionKey(), () -> {
      bench.submit(user, task.getId(), values);
      return null;
    });
    completions.incrementAndGet();
  }

  /** The adoption steps after the draft, each role doing its part: up to the tasking confirmations. */
  void draftAndLeadership(String instance) {
    draft(instance);
    completeAll(instance, TASK_CONFIRM_LEADERSHIP, LEADERSHIP_ACCEPTED);
    completeAll(instance, TASK_REVIEW_DRAFT, Map.of(DECISION, "approve"));
  }

  /** The Driver submits the draft: the Action Leaders' confirmations open. */
  void draft(String instance) {
    completeAll(instance, TASK_DRAFT, Map.of(COMMENTS, "ready for the Action Leaders"));
  }

  /** What every Action Leader decides: it leads its OAs. */
  static final Map<String, Object> LEADERSHIP_ACCEPTED = Map.of(DECISION, "accept");

  /** What every NEC answers: its Member State takes part in two OAs. */
  static final Map<String, Object> NEC_ANSWER =
      Map.of(PARTICIPATING_OAS, Map.of("type", "Json", "value", "[\"2.3\",\"8.1\"]"));

  void necAnswers(String instance) {
    completeAll(instance, TASK_STATE_PARTICIPATION, NEC_ANSWER);
  }

  void toCosi(String instance) {
    completeAll(instance, TASK_RECORD_NEC_OUTCOME, Map.of(DECISION, "endorse"));
    completeAll(instance, TASK_REVIEW_FOR_COSI, Map.of(DECISION, "approve", COUNCIL_DOCUMENT, "14541/23"));
  }

  void adoptAndConfirm(String instance, LocalDate adopted) {
    completeAll(instance, TASK_RECORD_COSI_DECISION, Map.of(DECISION, "adopt", ADOPTION_DATE, adopted.toString()));
    completeAll(instance, TASK_CONFIRM_PARTICIPATION, Map.of(CONFIRMED, true));
  }

  List<ReportingRound> rounds(long oapId) {
    return bench.bean(ReportingRounds.class).plan(oapId);
  }

  String roundInstance(long oapId, int round) {
    return bench.bean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceBusinessKey("oap-" + oapId + "-round-" + round).singleResult().getId();
  }

  List<Task> reportTasks(long oapId, int round) {
    return bench.tasks(roundInstance(oapId, round), TASK_REPORT_ON_OA);
  }

  static String oaRef(Task task) {
    return task.getName().replaceAll("^Report on OA ([0-9.]+):.*$", "$1");
  }

  /** A valid report of the task's OA: 2 for the KPIs that count, a sentence for the others. */
  Map<String, Object> report(long oapId, int round, Task task) {
    return Map.of(ReportingRoundProcess.REPORT_STATUS, "ongoing", ReportingRoundProcess.PROGRESS, "on track",
        ReportingRoundProcess.KPI_VALUES,
        KpiValues.lines(bench.bean(OaReports.class).action(oapId, round, oaRef(task)), "2"));
  }

  /**
   * After the reports, for each OAP in turn at each step: the Driver writes, the Co-Driver agrees,
   * the Support Unit aligns, the NECs meet a month after the deadline, COSI notes.
   */
  void roundsToCosi(List<Long> oapIds, ReportingRound round) {
    List<String> instances = oapIds.stream().map(oapId -> roundInstance(oapId, round.number())).toList();
    for (String instance : instances) {
      Task write = bench.tasks(instance, TASK_WRITE_DRIVER_REPORT).get(0);
      JsonNode template = bench.get("driver", "/engine-rest/task/" + write.getId()
          + "/form-variables?variableNames=" + ReportingRoundProcess.ASSESSMENTS);
      complete("driver", write, Map.of(ReportingRoundProcess.ASSESSMENTS, template
          .get(ReportingRoundProcess.ASSESSMENTS).get("value").asText()
          .replaceAll("(?m)^(## SG (\\d+).*)$", "$1\nSteady progress.")));
      completeAll(instance, TASK_REVIEW_DRIVER_REPORT, Map.of(DECISION, "agree", COMMENTS, "agreed"));
      completeAll(instance, TASK_ALIGN_ROUND, Map.of(DECISION, "accept"));
    }
    LocalDate necMeeting = round.deadline().plusDays(30);
    Bench.clock(necMeeting.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(9 * 3600));
    for (String instance : instances) {
      completeAll(instance, TASK_RECORD_NEC_MEETING, Map.of(DECISION, "noted", NEC_MEETING_DATE, necMeeting.toString()));
      completeAll(instance, TASK_SUBMIT_TO_COSI, Map.of(COUNCIL_DOCUMENT, "15020/24",
          ReportingRoundProcess.COSI_BODY, "COSI Support Group"));
    }
    LocalDate noted = round.deadline().plusDays(55);
    Bench.clock(noted.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(9 * 3600));
    for (String instance : instances) {
      completeAll(instance, TASK_RECORD_COSI_NOTE, Map.of(ReportingRoundProcess.NOTED_ON, noted.toString()));
    }
  }
}
