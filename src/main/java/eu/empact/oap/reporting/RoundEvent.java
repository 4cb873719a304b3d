package eu.empact.oap.reporting;

import java.time.Instant;

/** Something that happened to a reporting round: who, when, and what was said. */
public record RoundEvent(String event, String user, Instant at, String details) {}
