package eu.empact.oap.drafting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the page says next to the fields of one section (a strategic goal, an OA sheet): each
 * field's messages, already worded with the field's label ("Title: must be at least 1 characters
 * long"), and the section's messages that belong to no field of it. Refusals and the notes of the
 * registry's readings (an actor it could not read, a timing it flagged) are kept apart.
 */
public final class Messages {

  private final Map<String, List<String>> fields = new LinkedHashMap<>();
  private final List<String> section = new ArrayList<>();

  static Messages none() {
    return new Messages();
  }

  Messages field(String key, String message) {
    fields.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    return this;
  }

  Messages section(String message) {
    section.add(message);
    return this;
  }

  /** The messages of one field ({@code title}, {@code kpis[1].code}); empty if none. */
  public List<String> of(String key) {
    return fields.getOrDefault(key, List.of());
  }

  public List<String> section() {
    return section;
  }

  public boolean isEmpty() {
    return fields.isEmpty() && section.isEmpty();
  }

  /** Every message, each field's first: what a refusal says in one sentence. */
  List<String> all() {
    List<String> all = new ArrayList<>();
    fields.values().forEach(all::addAll);
    all.addAll(section);
    return all;
  }
}
