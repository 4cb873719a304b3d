package eu.empact.oap.reporting.documents;

import eu.empact.oap.notification.PublicUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Where a document's links lead, on the address people reach the application at
 * ({@link PublicUrl}, {@code empact.public-url}): the round and the OA in the OAP's workspace, the
 * report documents of a round.
 */
@Component
class DocumentLinks {

  private final PublicUrl publicUrl;

  DocumentLinks(PublicUrl publicUrl) {
    this.publicUrl = publicUrl;
  }

  /** The round's page in the OAP's workspace. */
  String round(long oapId, int number) {
    return publicUrl.base() + "/oaps/" + oapId + "/rounds/" + number;
  }

  /** The OA in the OAP as a document ({@code #oa-2.4}). */
  String action(long oapId, String ref) {
    return publicUrl.base() + "/oaps/" + oapId + "#oa-" + URLEncoder.encode(ref, StandardCharsets.UTF_8);
  }

  /** The round's report as PDF. */
  String reportPdf(long oapId, int number) {
    return publicUrl.base() + "/api/oaps/" + oapId + "/rounds/" + number + "/report.pdf";
  }
}
