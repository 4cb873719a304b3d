package eu.empact.oap.registry;

import java.util.List;

/** Published inside the transaction that made these actors Action Leaders of an OA. */
public record ActionLeadersAssigned(long oapId, String ref, List<String> leaders) {}
