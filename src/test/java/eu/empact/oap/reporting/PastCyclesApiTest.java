package eu.empact.oap.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Registering the past through {@code /api}: only the EMPACT Support Unit (and administrators)
 * may; the Driver, the COSI secretariat and a NEC get 403 and nothing is written. The THB final
 * report 2013 of the fixture goes in, its round shows as recorded history in the reporting plan,
 * and its document is served; a wording the table does not know is mapped through the API.
 */
@ApplicationTest
// one process engine per JVM at a time: Camunda registers engines JVM-wide by name
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "empact.demo.enabled=true", "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:empact-past-cycles;DB_CLOSE_DELAY=-1"})
class PastCyclesApiTest {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;

  @Test
  void theSupportUnitRegistersThePastAndNobodyElseMay() throws IOException {
    Api esu = Api.as(http, "esu");
    ResponseEntity<String> imported = esu.post("/api/oaps/import", resource("past-cycles/oap-2013-thb.json").toString());
    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String oap = imported.getHeaders().getLocation().getPath();
    JsonNode fixture = resource("past-cycles/final-report-2013-thb.json");
    String adoption = fixture.get("adoption").toString();
    String record = fixture.get("record").toString();

    for (String user : List.of("driver", "cosi", "nec-fr", "al-it")) {
      assertThat(Api.as(http, user).post(oap + "/history/adoption", adoption).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(json.readTree(esu.get(oap + "/summary").getBody()).get("status").asText()).isEqualTo("DRAFT");

    ResponseEntity<String> future = esu.post(oap + "/history/adoption", "{\"adoptedOn\": \"2999-01-01\"}");
    assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(future.getBody()).contains("adoptedOn", "is in the future");

    ResponseEntity<String> adopted = esu.post(oap + "/history/adoption", adoption);
    assertThat(adopted.getStatusCode()).as(adopted.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(adopted.getBody()).get("adoption").get("adoptedOn").asText()).isEqualTo("2013-01-01");

    for (String user : List.of("driver", "cosi", "nec-fr", "al-it")) {
      assertThat(Api.as(http, user).post(oap + "/history/rounds/2", record).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    ResponseEntity<String> recorded = esu.post(oap + "/history/rounds/2", record);
    assertThat(recorded.getStatusCode()).as(recorded.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(esu.post(oap + "/history/rounds/2", record).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    JsonNode plan = json.readTree(esu.get(oap + "/reporting-plan").getBody());
    assertThat(plan.findValuesAsText("stage")).containsExactly("NOT_RECORDED", "RECORDED");
    JsonNode round = json.readTree(esu.get(oap + "/rounds/2").getBody());
    assertThat(round.get("councilDocument").asText()).isEqualTo("10494/14");
    assertThat(round.get("necMetOn").asText()).isEqualTo("2014-05-27");
    assertThat(round.get("reports").get(0).get("statusReading").get("written").asText())
        .isEqualTo("Complete – ongoing into 2014");
    ResponseEntity<byte[]> pdf = http.withBasicAuth("esu", "esu").getForEntity(oap + "/rounds/2/report.pdf",
        byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);

    JsonNode flagged = json.readTree(esu.get(oap + "/status-wordings").getBody());
    assertThat(flagged.get("unmapped").findValuesAsText("oaRef")).containsExactly("2.1", "3.1", "3.3");
    String mapping = "{\"wording\": \"" + flagged.get("unmapped").get(1).get("written").asText()
        + "\", \"statuses\": [\"ongoing\"]}";
    assertThat(Api.as(http, "nec-fr").post(oap + "/status-wordings", mapping).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> badMapping = esu.post(oap + "/status-wordings",
        "{\"wording\": \"x\", \"statuses\": [\"nearly\"]}");
    assertThat(badMapping.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badMapping.getBody()).contains("statuses[0]", "'nearly' is not one of");
    ResponseEntity<String> mapped = esu.post(oap + "/status-wordings", mapping);
    assertThat(mapped.getStatusCode()).as(mapped.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(mapped.getBody()).get("reportsChanged").asInt()).isOne();
    assertThat(json.readTree(esu.get(oap + "/status-wordings").getBody()).get("unmapped").findValuesAsText("oaRef"))
        .containsExactly("2.1", "3.3");
  }

  private JsonNode resource(String path) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      return json.readTree(in);
    }
  }
}
