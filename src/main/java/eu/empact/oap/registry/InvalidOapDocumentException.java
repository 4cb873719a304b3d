package eu.empact.oap.registry;

import java.util.List;

/** A document was rejected; nothing was written. Carries every problem found. */
public class InvalidOapDocumentException extends RuntimeException {

  private final List<Problem> problems;

  public InvalidOapDocumentException(List<Problem> problems) {
    super(problems.size() + " problem(s) in the OAP document: " + problems.stream()
        .map(p -> p.path() + ": " + p.reason()).collect(java.util.stream.Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
