package eu.empact.oap.registry;

import eu.empact.oap.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A request parameter that names nothing the registry can answer for: 400 naming the parameter and why. */
public class InvalidParameterException extends ProblemException {

  public InvalidParameterException(String parameter, String reason) {
    super(HttpStatus.BAD_REQUEST, parameter + ": " + reason);
  }
}
