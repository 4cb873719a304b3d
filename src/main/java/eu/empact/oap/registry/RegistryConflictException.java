package eu.empact.oap.registry;

import eu.empact.oap.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A write the registry's state does not allow: an adopted (read-only) version, an OAP that exists.
 * 409 on {@code /api}.
 */
public class RegistryConflictException extends ProblemException {

  public RegistryConflictException(String message) {
    super(HttpStatus.CONFLICT, message);
  }
}
