package eu.empact.oap.registry;

/** The OAP, version or actor asked for does not exist. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
