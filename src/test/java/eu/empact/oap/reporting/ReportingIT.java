package eu.empact.oap.reporting;

import static eu.empact.oap.reporting.ReportingRoundProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.EngineRest;
import eu.empact.oap.support.KpiValues;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The first reporting round of the demo OAP, adopted in December 2023, through the REST APIs as
 * the demo users of each role, on PostgreSQL: the round opens on its day, every Action Leader
 * reports (one report refused first), the Driver writes, the Co-Driver agrees, the Support Unit
 * accepts, the NECs note, COSI takes note; at every kind of task a wrong role is refused. The job
 * executor is off: the test moves the engine's clock and executes the round's timer through REST.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"empact.demo.enabled=true", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class ReportingIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired OapRegistry registry;
  @Autowired OaReports reports;

  EngineRest rest;
  String instance;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void oneRoundOfTheDemoOapFromTheActionLeadersToCosi() throws IOException {
    rest = new EngineRest(http, json);
    long oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-12-05T10:00:00Z")));
    registry.changeStatus(oapId, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI on 2023-12-05");

    JsonNode plan = rest.body(Api.as(http, "nec-fr").get("/api/oaps/" + oapId + "/reporting-plan"));
    assertThat(plan).extracting(r -> r.get("stage").asText()).containsExactly("PLANNED", "PLANNED", "PLANNED",
        "PLANNED");
    assertThat(plan.get(0).get("deadline").asText()).isEqualTo("2024-10-15");
    instance = rest.body(Api.as(http, "demo").get("/engine-rest/process-instance?businessKey=oap-" + oapId
        + "-round-1")).get(0).get("id").asText();

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-09-15T00:00:01Z")));
    String timer = rest.body(Api.as(http, "demo").get("/engine-rest/job?processInstanceId=" + instance
        + "&activityId=" + TIMER_ROUND_OPENS)).get(0).get("id").asText();
    assertThat(Api.as(http, "driver").post("/engine-rest/job/" + timer + "/execute", "{}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(http, "demo").post("/engine-rest/job/" + timer + "/execute", "{}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    List<JsonNode> reportTasks = rest.tasks(instance, TASK_REPORT_ON_OA);
    assertThat(reportTasks).hasSize(26);
    JsonNode italy = reportTasks.stream().filter(t -> t.get("name").asText().startsWith("Report on OA 2.4:"))
        .findFirst().orElseThrow();
    rest.refused("nec-it", italy);
    rest.refused("al-fr", italy);
    assertThat(rest.formVariable("al-it", italy, KPI_VALUES).asText()).startsWith("a: ");
    Map<String, Object> withPlaceholder = new HashMap<>(report(oapId, "2.4"));
    withPlaceholder.put(PROGRESS, "XXX");
    ResponseEntity<String> refused = rest.trySubmit("al-it", italy, withPlaceholder);
    assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(refused.getBody()).contains("Progress toward the target: 'XXX' is a placeholder left from the template");
    for (JsonNode task : reportTasks) {
      String oaRef = task.get("name").asText().replaceAll("^Report on OA ([0-9.]+):.*$", "$1");
      rest.submit(rest.userFor(task), task, report(oapId, oaRef));
    }

    JsonNode driverTask = single(TASK_WRITE_DRIVER_REPORT);
    assertThat(rest.formVariable("driver", driverTask, ROUND_SUMMARY).asText())
        .isEqualTo("26 OAs planned, 26 reported (ongoing 25, delayed 1); none missing");
    rest.refused("codriver", driverTask);
    String template = rest.formVariable("driver", driverTask, ASSESSMENTS).asText();
    rest.submit("driver", driverTask, Map.of(ASSESSMENTS, template.replaceAll("(?m)^(## SG (\\d+).*)$",
        "$1\nThe Action Leaders of goal $2 report steady progress.")));

    JsonNode review = single(TASK_REVIEW_DRIVER_REPORT);
    rest.refused("driver", review);
    rest.submit("codriver", review, Map.of(DECISION, "agree", COMMENTS, "agreed"));

    JsonNode align = single(TASK_ALIGN_ROUND);
    rest.refused("cosi", align);
    rest.submit("esu", align, Map.of(DECISION, "accept"));

    JsonNode nec = single(TASK_RECORD_NEC_MEETING);
    rest.refused("nec-fr", nec);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-11-15T09:00:00Z")));
    rest.submit("esu", nec, Map.of(DECISION, "noted", NEC_MEETING_DATE, "2024-11-14"));

    JsonNode submit = single(TASK_SUBMIT_TO_COSI);
    rest.refused("esu", submit);
    rest.submit("cosi", submit, Map.of(COUNCIL_DOCUMENT, "15020/24", COSI_BODY, "COSI Support Group"));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-12-10T09:00:00Z")));
    JsonNode note = single(TASK_RECORD_COSI_NOTE);
    rest.refused("driver", note);
    rest.submit("cosi", note, Map.of(NOTED_ON, "2024-12-09"));

    assertThat(rest.body(Api.as(http, "demo").get("/engine-rest/history/process-instance/" + instance))
        .get("state").asText()).isEqualTo("COMPLETED");
    JsonNode round = rest.body(Api.as(http, "nec-fr").get("/api/oaps/" + oapId + "/rounds/1"));
    assertThat(round.get("round").get("stage").asText()).isEqualTo("NOTED");
    assertThat(round.get("cosiNotedOn").asText()).isEqualTo("2024-12-09");
    assertThat(round.get("summary").get("reported").asInt()).isEqualTo(26);
    assertThat(round.get("reports")).hasSize(26);
    assertThat(round.get("assessments").get("2").asText()).isEqualTo("The Action Leaders of goal 2 report steady progress.");
    assertThat(round.get("history")).extracting(e -> e.get("user").asText() + " " + e.get("event").asText())
        .contains("driver DRIVER_REPORT_WRITTEN",
            "codriver CO_DRIVER_AGREE", "esu SUPPORT_UNIT_ACCEPT", "esu NEC_MEETING_NOTED", "cosi SUBMITTED_TO_COSI",
            "cosi NOTED_BY_COSI");

    ResponseEntity<byte[]> pdf = http.withBasicAuth("al-it", "al-it")
        .getForEntity("/api/oaps/" + oapId + "/rounds/1/report.pdf", byte[].class);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(text(pdf.getBody())).contains("Council doc.: 15020/24")
        .contains("Operational actions planned: 26. Reported: 26. Missing: none.");
    ResponseEntity<byte[]> docx = http.withBasicAuth("al-it", "al-it")
        .getForEntity("/api/oaps/" + oapId + "/rounds/1/report.docx", byte[].class);
    assertThat(docx.getHeaders().getContentType()).hasToString(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx.getBody()))) {
      assertThat(word.getParagraphs()).extracting(XWPFParagraph::getText).contains("COVER NOTE", "15020/24",
          "Operational actions planned: 26. Reported: 26. Missing: none.");
    }
    assertThat(http.withBasicAuth("nec-se", "nec-se").getForEntity("/api/oaps/" + oapId + "/rounds/1/report.docx",
        byte[].class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/oaps/" + oapId + "/rounds/1", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // Sweden has no part in the OAP, which was adopted without a NEC consultation
    assertThat(Api.as(http, "nec-se").get("/api/oaps/" + oapId + "/rounds/1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("nec-fr", "nec-fr").getForEntity("/api/fact-sheets/2024.pdf", byte[].class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(text(http.withBasicAuth("esu", "esu").getForEntity("/api/fact-sheets/2024.pdf", byte[].class)
        .getBody())).contains("Migrant smuggling 2024-2025");

    String openRound2 = "/api/oaps/" + oapId + "/rounds/2/open";
    assertThat(Api.as(http, "driver").post(openRound2, "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode opened = rest.body(Api.as(http, "esu").post(openRound2, "{}"));
    assertThat(opened.get("round").get("stage").asText()).isEqualTo("COLLECTING");
    assertThat(opened.get("history")).extracting(e -> e.get("user").asText() + " " + e.get("event").asText())
        .containsExactly("esu OPENED_EARLY", "system OPENED");
    assertThat(Api.as(http, "esu").post(openRound2, "{}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  private JsonNode single(String activity) {
    List<JsonNode> found = rest.tasks(instance, activity);
    assertThat(found).as(activity).hasSize(1);
    return found.get(0);
  }

  /** A valid report: 2 for KPIs that count, a sentence elsewhere; OA 1.1 is delayed. */
  private Map<String, Object> report(long oapId, String oaRef) {
    String kpis = KpiValues.lines(reports.action(oapId, 1, oaRef), "2");
    return Map.of(REPORT_STATUS, oaRef.equals("1.1") ? "delayed" : "ongoing", PROGRESS, "on track", KPI_VALUES, kpis,
        HUMAN_RESOURCES, "2");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
