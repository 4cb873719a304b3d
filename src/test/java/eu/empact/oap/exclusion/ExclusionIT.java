package eu.empact.oap.exclusion;

import static eu.empact.oap.exclusion.ExclusionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.reporting.ReportingRoundProcess;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.EngineRest;
import eu.empact.oap.support.KpiValues;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The exclusion clause end to end on PostgreSQL, through the REST APIs as the demo users, with a
 * real SMTP server: Italy, leading OA 2.4 of the demo OAP, misses its report in round 1; the
 * escalation starts by itself; two exhortations reach Italy's Action Leader with its NEC in copy
 * and go unanswered; the Driver confirms the proposal to exclude; the registry, the OA's
 * leadership and Italy's Tasklist show it, and Italy's users can no longer act on the OAP.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"empact.demo.enabled=true", "camunda.bpm.job-execution.enabled=false",
        "spring.mail.host=localhost", "spring.mail.port=3025"})
@ActiveProfiles("postgres")
class ExclusionIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired OapRegistry registry;
  @Autowired OaReports reports;

  EngineRest rest;
  long oapId;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void italyMissesItsReportIsExhortedTwiceAndIsNoLongerParticipant() throws Exception {
    rest = new EngineRest(http, json);
    oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-12-05T10:00:00Z")));
    registry.changeStatus(oapId, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI on 2023-12-05");

    String round1 = instance("oap-" + oapId + "-round-1");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-09-15T00:00:01Z")));
    executeJob(round1, ReportingRoundProcess.TIMER_ROUND_OPENS);
    for (JsonNode task : rest.tasks(round1, ReportingRoundProcess.TASK_REPORT_ON_OA)) {
      String oaRef = task.get("name").asText().replaceAll("^Report on OA ([0-9.]+):.*$", "$1");
      if (!oaRef.equals("2.4")) {
        rest.submit(rest.userFor(task), task, report(oaRef));
      }
    }
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-10-16T00:00:00Z")));
    executeJob(round1, ReportingRoundProcess.TIMER_REPORT_DEADLINE);

    JsonNode escalations = rest.body(Api.as(http, "driver").get("/api/oaps/" + oapId + "/escalations"));
    assertThat(escalations).hasSize(1);
    assertThat(escalations.get(0).get("escalation").get("actor").asText()).isEqualTo("IT");
    assertThat(escalations.get(0).get("commitments").get(0).get("reference").asText())
        .isEqualTo("report on OA 2.4, round 1");
    String escalation = instance("exclusion-" + oapId + "-IT");
    executeJob(escalation, START_MISSED_COMMITMENTS);

    for (int exhortation = 1; exhortation <= 2; exhortation++) {
      JsonNode send = single(escalation, TASK_SEND_EXHORTATION);
      rest.refused("al-it", send);
      rest.refused("nec-it", send);
      String text = rest.formVariable("driver", send, EXHORTATION_TEXT).asText();
      rest.submit("driver", send, Map.of(EXHORTATION_TEXT, text));
      executeJob(escalation, TASK_EMAIL_EXHORTATION);
      JsonNode answer = single(escalation, TASK_ANSWER_EXHORTATION);
      rest.refused("al-fr", answer);
      ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(15 * 24 * 3600)));
      executeJob(escalation, TIMER_RESPONSE_PERIOD);
    }

    // GreenMail keeps a copy per recipient (the Action Leader and, in copy, the NEC): one message each;
    // the senders send what the steps recorded, in the background
    List<MimeMessage> exhortations = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(
            smtp.getReceivedMessagesForDomain("al-it@empact.example"))
        .filter(m -> subject(m).contains("Exhortation"))
        .collect(Collectors.toMap(ExclusionIT::notificationId, m -> m, (a, b) -> a, java.util.TreeMap::new))
        .values().stream().toList(), list -> list.size() == 2);
    assertThat(exhortations).allSatisfy(message -> {
      assertThat(addresses(message, Message.RecipientType.TO)).containsExactly("al-it@empact.example");
      assertThat(addresses(message, Message.RecipientType.CC)).containsExactly("nec-it@empact.example");
      assertThat(text(message)).contains("report on OA 2.4, round 1");
    });
    assertThat(subject(exhortations.get(1))).contains("Exhortation 2 from the Driver of OAP Migrant smuggling 2024-2025");

    JsonNode assess = single(escalation, TASK_ASSESS);
    rest.refused("esu", assess);
    assertThat(rest.formVariable("driver", assess, "proposalText").asText())
        .isEqualTo("Exclude: It left two or more of the Driver's exhortations unanswered.");
    rest.submit("driver", assess, Map.of(DECISION, "exclude"));
    executeJob(escalation, TASK_INFORM_EXCLUSION);
    await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessagesForDomain(
        "cosi@empact.example")).map(ExclusionIT::subject).toList(),
        subjects -> subjects.contains("[EMPACT] IT is no longer participant in OAP Migrant smuggling 2024-2025"));
    JsonNode newLeader = single(escalation, TASK_ASSIGN_NEW_LEADER);
    rest.submit("driver", newLeader, Map.of(NEW_LEADER, "France"));

    assertThat(Api.as(http, "nec-fr").get("/api/oaps/" + oapId + "/escalations").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(http, "nec-fr").get("/api/oaps/" + oapId + "/participation/IT").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(http, "nec-it").get("/api/oaps/" + oapId + "/participation/IT").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    JsonNode italy = rest.body(Api.as(http, "esu").get("/api/oaps/" + oapId + "/participation/Italy"));
    assertThat(italy.get("status").asText()).isEqualTo("EXCLUDED");
    assertThat(italy.get("history").get(0).get("reason").asText()).contains("jeopardises the delivery of the OAP");
    assertThat(italy.get("runningEscalation").isNull()).isTrue();
    assertThat(rest.body(Api.as(http, "driver").get("/api/oaps/" + oapId + "/escalations")).get(0).get("escalation")
        .get("outcome").asText()).isEqualTo("EXCLUDED");
    for (String user : List.of("al-it", "nec-it")) {
      assertThat(rest.body(Api.as(http, user).get("/engine-rest/task"))).as(user + "'s tasks").isEmpty();
    }

    JsonNode round2 = rest.body(Api.as(http, "esu").post("/api/oaps/" + oapId + "/rounds/2/open", "{}"));
    assertThat(round2.get("round").get("stage").asText()).isEqualTo("COLLECTING");
    JsonNode oa24 = rest.tasks(instance("oap-" + oapId + "-round-2"), ReportingRoundProcess.TASK_REPORT_ON_OA)
        .stream().filter(t -> t.get("name").asText().startsWith("Report on OA 2.4:")).findFirst().orElseThrow();
    assertThat(rest.userFor(oa24)).isEqualTo("al-fr");
    rest.refused("al-it", oa24);
    assertThat(rest.body(Api.as(http, "al-it").get("/engine-rest/task"))).isEmpty();
    rest.submit("al-fr", oa24, report("2.4"));
  }

  private Map<String, Object> report(String oaRef) {
    return Map.of("reportStatus", "ongoing", "progress", "on track", "kpiValues",
        KpiValues.lines(reports.action(oapId, 1, oaRef), "2"));
  }

  private String instance(String businessKey) {
    return rest.body(Api.as(http, "demo").get("/engine-rest/process-instance?businessKey=" + businessKey)).get(0)
        .get("id").asText();
  }

  private void executeJob(String instance, String activity) {
    JsonNode jobs = rest.body(Api.as(http, "demo").get("/engine-rest/job?processInstanceId=" + instance
        + "&activityId=" + activity));
    assertThat(jobs).as(activity).hasSize(1);
    assertThat(Api.as(http, "demo").post("/engine-rest/job/" + jobs.get(0).get("id").asText() + "/execute", "{}")
        .getStatusCode()).as("execute " + activity).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private JsonNode single(String instance, String activity) {
    List<JsonNode> found = rest.tasks(instance, activity);
    assertThat(found).as(activity).hasSize(1);
    return found.get(0);
  }

  private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws Exception {
    return message.getRecipients(type) == null ? List.of() : Arrays.stream(message.getRecipients(type))
        .map(a -> ((InternetAddress) a).getAddress()).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String notificationId(MimeMessage message) {
    try {
      return message.getHeader("X-EMPACT-Notification")[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage message) throws Exception {
    return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
  }
}
