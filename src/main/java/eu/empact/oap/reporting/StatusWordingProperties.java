package eu.empact.oap.reporting;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Wordings of a report's stage and status beyond (or instead of) the documents' own, which
 * {@link StatusWordings#DEFAULTS} holds ({@code empact.reporting.status-wordings}): each a wording
 * and the one or two statuses it means (the second: the OA continues). A wording given here
 * replaces a default one written alike.
 *
 * <pre>
 * empact:
 *   reporting:
 *     status-wordings:
 *       - wording: "well under way"
 *         statuses: [ONGOING]
 *       - wording: "done, continued in 2014"
 *         statuses: [FINISHED, ONGOING]
 * </pre>
 */
@ConfigurationProperties("empact.reporting")
public record StatusWordingProperties(List<Wording> statusWordings) {

  public StatusWordingProperties {
    statusWordings = statusWordings == null ? List.of() : List.copyOf(statusWordings);
  }

  /** A wording and what it means: one status, or two (finished for the year, continuing). */
  public record Wording(String wording, List<ReportStatus> statuses) {

    public Wording {
      if (wording == null || wording.isBlank() || statuses == null || statuses.isEmpty() || statuses.size() > 2
          || statuses.contains(ReportStatus.UNMAPPED)) {
        throw new IllegalArgumentException("a status wording needs a text and one or two statuses (not UNMAPPED): "
            + wording + " -> " + statuses);
      }
      statuses = List.copyOf(statuses);
    }
  }
}
