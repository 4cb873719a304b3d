package eu.empact.oap.registry;

/** Published inside the transaction that created version {@code revision} of an OAP. */
public record OapVersionCreated(long oapId, long versionId, int revision) {}
