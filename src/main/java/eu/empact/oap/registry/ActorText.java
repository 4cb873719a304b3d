package eu.empact.oap.registry;

import eu.empact.oap.registry.ActorReading.ReadAs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an actor cell as the documents write it ("HU, AT and Frontex", "Frontex Europol", "IT in
 * cooperation with EC", "MS concerned involved in EUROSUR", "Europol and other relevant EU Agencies
 * and International Organisations") into its parts, never guessing silently:
 * <ul>
 *   <li>the cell, or each piece between list separators (, ; / + line break), that is exactly a
 *   code, a name, a known spelling or a collective form is {@link Reading#READ};</li>
 *   <li>otherwise its words are searched for the longest known spellings; "and" and "&amp;" join
 *   names. Between joiners, a name standing alone is {@code READ}; names among other words, or
 *   several names without a separator, are {@link Reading#INTERPRETED} with a note saying which
 *   words were set aside; words without any name are one {@link Reading#UNREADABLE} part, kept as
 *   written for a person to resolve;</li>
 *   <li>"Driver" (a leader column of the 2013 plans) is the OAP's Driver, {@code INTERPRETED}.</li>
 * </ul>
 * Inside a phrase a spelling of three letters or fewer counts only in capitals, so that "at the
 * borders" names no Austria, and a one-word collective ("All") does not count at all.
 */
final class ActorText {

  private static final Pattern PIECES = Pattern.compile("[^,;/+\\r\\n]+");
  private static final Pattern WORDS = Pattern.compile("\\S+");
  private static final Pattern SOMETHING_WRITTEN = Pattern.compile(".*[\\p{L}\\p{N}].*", Pattern.DOTALL);
  /** The longest spelling in words ("Organization for Security and Co-operation in Europe"), and some. */
  private static final int LONGEST_SPELLING = 10;

  private ActorText() {}

  /** The parts of the cell, in the order written; at least one. */
  static List<ActorReading> read(String text, ActorDirectory.Snapshot actors, String driver) {
    Optional<ActorReading> whole = exact(text, actors, driver);
    if (whole.isPresent()) {
      return List.of(whole.get());
    }
    List<ActorReading> parts = new ArrayList<>();
    Matcher piece = PIECES.matcher(text);
    while (piece.find()) {
      String written = piece.group().strip();
      if (SOMETHING_WRITTEN.matcher(written).matches()) {
        exact(written, actors, driver).ifPresentOrElse(parts::add, () -> parts.addAll(phrase(written, actors)));
      }
    }
    if (parts.isEmpty()) {
      parts.add(unreadable(text));
    }
    return parts;
  }

  /** The text as one code, name, known spelling, collective form or "Driver", if it is one. */
  private static Optional<ActorReading> exact(String text, ActorDirectory.Snapshot actors, String driver) {
    Optional<CollectiveParticipant> collective = CollectiveParticipant.of(text);
    if (collective.isPresent()) {
      return Optional.of(new ActorReading(text.strip(), null, collective.get().term(), ReadAs.COLLECTIVE,
          Reading.READ, null));
    }
    Optional<Actor> actor = actors.resolve(text);
    if (actor.isPresent()) {
      return Optional.of(new ActorReading(text.strip(), actor.get().code(), null, how(text, actor.get()),
          Reading.READ, null));
    }
    if (driver != null && "DRIVER".equals(ActorDirectory.normalise(text))) {
      return Optional.of(new ActorReading(text.strip(), driver, null, ReadAs.ROLE, Reading.INTERPRETED,
          "read as the OAP's Driver, " + driver));
    }
    return Optional.empty();
  }

  private static ReadAs how(String written, Actor actor) {
    String bare = written.strip().replaceAll("[*.]+$", "");
    if (bare.equals(actor.code())) {
      return ReadAs.CODE;
    }
    return ActorDirectory.normalise(written).equals(ActorDirectory.normalise(actor.name())) ? ReadAs.NAME
        : ReadAs.ALIAS;
  }

  /** A word, or the longest spelling starting at a word: an actor or a collective form found inside a phrase. */
  private record Token(int start, int end, ActorReading found, boolean joiner) {}

  private static List<ActorReading> phrase(String piece, ActorDirectory.Snapshot actors) {
    List<int[]> words = new ArrayList<>();
    Matcher word = WORDS.matcher(piece);
    while (word.find()) {
      words.add(new int[] {word.start(), word.end()});
    }
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      Token token = longestSpelling(piece, words, i, actors);
      if (token == null) {
        String text = piece.substring(words.get(i)[0], words.get(i)[1]).toUpperCase(Locale.ROOT);
        token = new Token(words.get(i)[0], words.get(i)[1], null, text.equals("AND") || text.equals("&"));
      }
      tokens.add(token);
      while (i < words.size() && words.get(i)[0] < token.end()) {
        i++;
      }
    }
    return segments(piece, tokens);
  }

  /** The longest known spelling that starts at word {@code first}, or null. */
  private static Token longestSpelling(String piece, List<int[]> words, int first, ActorDirectory.Snapshot actors) {
    for (int last = Math.min(words.size(), first + LONGEST_SPELLING) - 1; last >= first; last--) {
      int start = words.get(first)[0];
      int end = words.get(last)[1];
      Optional<ActorReading> found = inPhrase(piece.substring(start, end), actors);
      if (found.isPresent()) {
        return new Token(start, end, found.get(), false);
      }
    }
    return null;
  }

  /** A spelling inside a phrase: short ones only in capitals, collective forms only of several words. */
  private static Optional<ActorReading> inPhrase(String candidate, ActorDirectory.Snapshot actors) {
    String normalised = ActorDirectory.normalise(candidate);
    String name = candidate.replaceAll("\\s*\\([^)]*\\)\\s*$", "");
    boolean capitals = name.equals(name.toUpperCase(Locale.ROOT));
    if (normalised.length() <= 3 && !capitals) {
      return Optional.empty();
    }
    Optional<CollectiveParticipant> collective = CollectiveParticipant.of(candidate);
    if (collective.isPresent()) {
      return normalised.contains(" ") ? Optional.of(new ActorReading(candidate, null, collective.get().term(),
          ReadAs.COLLECTIVE, Reading.READ, null)) : Optional.empty();
    }
    return actors.resolve(candidate).map(actor -> new ActorReading(candidate, actor.code(), null,
        how(candidate, actor), Reading.READ, null));
  }

  /**
   * The tokens between joiners: a name alone is read as it is; names among other words or side by
   * side are interpreted; runs without a name are unreadable, joined with their joiners into one part.
   */
  private static List<ActorReading> segments(String piece, List<Token> tokens) {
    List<ActorReading> parts = new ArrayList<>();
    int unreadableFrom = -1;
    int unreadableTo = -1;
    List<Token> segment = new ArrayList<>();
    for (int i = 0; i <= tokens.size(); i++) {
      boolean boundary = i == tokens.size() || tokens.get(i).joiner();
      if (!boundary) {
        segment.add(tokens.get(i));
        continue;
      }
      if (segment.isEmpty()) {
        continue;
      }
      List<Token> found = segment.stream().filter(t -> t.found() != null).toList();
      int from = segment.get(0).start();
      int to = segment.get(segment.size() - 1).end();
      if (found.isEmpty()) {
        unreadableFrom = unreadableFrom < 0 ? from : unreadableFrom;
        unreadableTo = to;
      } else {
        if (unreadableFrom >= 0) {
          parts.add(unreadable(piece.substring(unreadableFrom, unreadableTo)));
          unreadableFrom = -1;
        }
        parts.addAll(read(piece.substring(from, to), segment, found));
      }
      segment = new ArrayList<>();
    }
    if (unreadableFrom >= 0) {
      parts.add(unreadable(piece.substring(unreadableFrom, unreadableTo)));
    }
    return parts;
  }

  private static List<ActorReading> read(String segmentText, List<Token> segment, List<Token> found) {
    if (segment.size() == 1) {
      return List.of(found.get(0).found());
    }
    int offset = segment.get(0).start();
    List<String> others = segment.stream().filter(token -> token.found() == null)
        .map(token -> segmentText.substring(token.start() - offset, token.end() - offset)).toList();
    String why = others.isEmpty() ? "written together with " + (found.size() - 1) + " other name(s) without a separator"
        : "the words '" + String.join(" ", others) + "' were set aside";
    return found.stream().map(token -> {
      ActorReading part = token.found();
      String what = part.actor() != null ? part.actor() : "the collective form '" + part.collective() + "'";
      return new ActorReading(part.written(), part.actor(), part.collective(), ReadAs.IN_PHRASE, Reading.INTERPRETED,
          "'" + part.written() + "' read as " + what + " in '" + segmentText + "'; " + why);
    }).toList();
  }

  private static ActorReading unreadable(String text) {
    return new ActorReading(text.strip(), null, null, ReadAs.UNREADABLE, Reading.UNREADABLE,
        "'" + text.strip() + "' names no known actor or collective form; kept as written for a person to resolve");
  }
}
