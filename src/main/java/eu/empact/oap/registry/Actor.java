package eu.empact.oap.registry;

/** A Member State, EU agency or institution, third country or international organisation. */
public record Actor(String code, String name, Kind kind) {

  public enum Kind { MEMBER_STATE, EU_AGENCY, EU_INSTITUTION, THIRD_COUNTRY, INTERNATIONAL_ORGANISATION }

  public boolean isMemberState() {
    return kind == Kind.MEMBER_STATE;
  }
}
