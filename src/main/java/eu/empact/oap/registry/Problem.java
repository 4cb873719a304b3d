package eu.empact.oap.registry;

/**
 * One thing wrong with a submitted document: where and why. A document's problems name an OA by its
 * ref where it has a valid one ({@code $.operationalActions[OA 2.4].kpis[2].code}), by its index
 * otherwise ({@code $.operationalActions[12].ref}); a report's name its field ({@code kpis.a}).
 */
public record Problem(String path, String reason) {}
