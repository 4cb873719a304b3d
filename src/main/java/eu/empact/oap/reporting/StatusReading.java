package eu.empact.oap.reporting;

import eu.empact.oap.registry.Reading;

/**
 * A report's stage and status as the Action Leader wrote it and as it was read: the status, and
 * the one it continues in where the wording says two ("Complete – ongoing into 2014": finished,
 * continuing ongoing). {@code UNREADABLE} readings are {@link ReportStatus#UNMAPPED} until the
 * Driver maps the wording.
 */
public record StatusReading(String written, ReportStatus status, ReportStatus continuing, Reading reading,
                            String note) {

  public boolean flagged() {
    return reading != Reading.READ;
  }

  /** "finished", or "finished; continuing: ongoing". */
  public String label() {
    return status.label() + (continuing == null ? "" : "; continuing: " + continuing.label());
  }
}
