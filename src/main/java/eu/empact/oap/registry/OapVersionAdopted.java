package eu.empact.oap.registry;

/** Published inside the transaction that marked version {@code revision} of an OAP adopted. */
public record OapVersionAdopted(long oapId, int revision) {}
