package eu.empact.oap.reporting;

import java.util.List;
import java.util.Map;

/**
 * The counts of a round that the Driver's report states: how many OAs were planned, how many
 * reported, how many per status, and which are missing. Computed from the reports themselves, so
 * that the counts always add up ("out of the 14 activities" with counts that add up to 13, as in
 * the 2012 monitoring, cannot happen).
 */
public record RoundSummary(int round, int planned, int reported, Map<ReportStatus, Integer> perStatus,
                           List<String> missing) {}
