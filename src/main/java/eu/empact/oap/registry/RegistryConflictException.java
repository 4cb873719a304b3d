package eu.empact.oap.registry;

/** A write the registry's state does not allow: an adopted (read-only) version, an OAP that exists. */
public class RegistryConflictException extends RuntimeException {

  public RegistryConflictException(String message) {
    super(message);
  }
}
