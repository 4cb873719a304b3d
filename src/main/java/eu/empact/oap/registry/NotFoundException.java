package eu.empact.oap.registry;

import eu.empact.oap.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The OAP, version or actor asked for does not exist: 404 on {@code /api}. */
public class NotFoundException extends ProblemException {

  public NotFoundException(String message) {
    super(HttpStatus.NOT_FOUND, message);
  }
}
