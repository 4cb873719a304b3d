package eu.empact.oap.registry;

import java.util.List;

/** Published when the tasking deadline of an adopted version passed: the actors that did not confirm. */
public record ConfirmationsMissed(long oapId, int revision, List<String> actors) {}
