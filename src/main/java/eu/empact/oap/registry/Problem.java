package eu.empact.oap.registry;

/** One thing wrong with a submitted document: where ({@code $.operationalActions[3].ref}) and why. */
public record Problem(String path, String reason) {}
