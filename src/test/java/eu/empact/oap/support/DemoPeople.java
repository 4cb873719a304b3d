package eu.empact.oap.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Names the demo users as the people of an imported OAP, as the demo data does for its own:
 * {@code driver}, {@code codriver}, and {@code al-<actor>} for each actor that leads or co-leads an OA.
 */
public final class DemoPeople {

  private DemoPeople() {}

  public static void name(TestRestTemplate http, long oapId, OapDocuments document) {
    TreeSet<String> leaders = new TreeSet<>();
    document.actions().forEach(oa -> {
      oa.path("actionLeaders").forEach(actor -> leaders.add(actor.asText()));
      oa.path("coActionLeaders").forEach(actor -> leaders.add(actor.asText()));
    });
    String people = "[{\"role\":\"DRIVER\",\"userId\":\"driver\"},{\"role\":\"CO_DRIVER\",\"userId\":\"codriver\"}"
        + leaders.stream().map(actor -> ",{\"role\":\"ACTION_LEADER\",\"actor\":\"" + actor + "\",\"userId\":\"al-"
            + actor.toLowerCase(Locale.ROOT) + "\"}").collect(Collectors.joining()) + "]";
    ResponseEntity<String> named = Api.as(http, "esu").put("/api/oaps/" + oapId + "/people", people);
    assertThat(named.getStatusCode()).as(named.getBody()).isEqualTo(HttpStatus.OK);
  }
}
