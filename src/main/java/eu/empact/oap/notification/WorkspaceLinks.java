package eu.empact.oap.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * The addresses of the OAP workspace's pages, from the {@link PublicUrl}, as the task forms link
 * them: the OAP as a document and an OA's sheet in it, its NEC answers, tasking, a reporting round.
 * The webapps' session opens them: a user of Tasklist follows them without a second login.
 */
@Component
public class WorkspaceLinks {

  private final PublicUrl publicUrl;

  WorkspaceLinks(PublicUrl publicUrl) {
    this.publicUrl = publicUrl;
  }

  /** {@code /oaps/{id}}: the OAP as a document, its current version. */
  public String oap(long oapId) {
    return publicUrl.base() + "/oaps/" + oapId;
  }

  /** {@code /oaps/{id}?rev=N}: a given revision. */
  public String revision(long oapId, int revision) {
    return oap(oapId) + "?rev=" + revision;
  }

  /** {@code /oaps/{id}#oa-2.4}: an OA's sheet in the OAP's current version. */
  public String oa(long oapId, String ref) {
    return oap(oapId) + "#oa-" + URLEncoder.encode(ref, StandardCharsets.UTF_8);
  }

  /** {@code /oaps/{id}?rev=N#oa-2.4}: an OA's sheet in a given revision. */
  public String oa(long oapId, int revision, String ref) {
    return revision(oapId, revision) + "#oa-" + URLEncoder.encode(ref, StandardCharsets.UTF_8);
  }

  /** {@code /oaps/{id}/diff?from=N&to=M}: what changed between two revisions. */
  public String diff(long oapId, int from, int to) {
    return oap(oapId) + "/diff?from=" + from + "&to=" + to;
  }

  public String necAnswers(long oapId) {
    return oap(oapId) + "/nec-answers";
  }

  public String tasking(long oapId) {
    return oap(oapId) + "/tasking";
  }

  public String round(long oapId, int round) {
    return oap(oapId) + "/rounds/" + round;
  }

  public String timeline(long oapId) {
    return oap(oapId) + "/timeline";
  }

  public String late(long oapId) {
    return oap(oapId) + "/late";
  }
}
