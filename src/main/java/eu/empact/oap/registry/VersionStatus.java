package eu.empact.oap.registry;

/** Where a version (REV n) of an OAP stands. Only a draft can be edited. */
public enum VersionStatus {
  DRAFT,
  UNDER_NEC_DISCUSSION,
  SUBMITTED_TO_COSI,
  ADOPTED,
  SUPERSEDED;

  public boolean editable() {
    return this == DRAFT;
  }

  /** Adopted, or adopted and then superseded: its content never changes again. */
  public boolean adoptedOrAfter() {
    return this == ADOPTED || this == SUPERSEDED;
  }
}
