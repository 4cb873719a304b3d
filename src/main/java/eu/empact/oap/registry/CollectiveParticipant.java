package eu.empact.oap.registry;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The collective forms the plans use instead of naming participants. "All MS" resolves to the 27
 * Member States; "Relevant MS" cannot be resolved and is kept as written.
 */
public enum CollectiveParticipant {
  ALL_MS("All MS", true, Set.of("ALL MS", "ALL EU MS", "ALL MEMBER STATES", "ALL")),
  RELEVANT_MS("Relevant MS", false, Set.of("RELEVANT MS", "RELEVANT MEMBER STATES", "MS CONCERNED", "CONCERNED MS"));

  private final String term;
  private final boolean resolvable;
  private final Set<String> spellings;

  CollectiveParticipant(String term, boolean resolvable, Set<String> spellings) {
    this.term = term;
    this.resolvable = resolvable;
    this.spellings = spellings;
  }

  public String term() {
    return term;
  }

  public boolean resolvable() {
    return resolvable;
  }

  static Optional<CollectiveParticipant> of(String text) {
    String normalised = ActorDirectory.normalise(text);
    return Arrays.stream(values()).filter(c -> c.spellings.contains(normalised)).findFirst();
  }
}
