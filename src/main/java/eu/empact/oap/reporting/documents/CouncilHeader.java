package eu.empact.oap.reporting.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a Council document prints above its text and on every page, as the OAP 2024-2025 does
 * ("Brussels, 3 November 2023", "(OR. en)", "14541/23", "LIMITE"): the Council document number
 * ({@code null} while the document has none), its date, and the classification marking as the OAP
 * writes it ({@code null}: none written, no marking).
 */
public record CouncilHeader(String number, LocalDate date, String marking) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  /** Words of the EU's markings, lowest first: a document that gathers several prints the highest. */
  private static final List<List<String>> LEVELS = List.of(List.of("PUBLIC"), List.of("LIMITE"),
      List.of("RESTREINT", "RESTRICTED"), List.of("CONFIDENTIEL", "CONFIDENTIAL"), List.of("SECRET"),
      List.of("TRÈS SECRET", "TRES SECRET", "TOP SECRET"));

  /** "Brussels, 15 October 2024". */
  public String dated() {
    return "Brussels, " + DAY.format(date);
  }

  /** The number, or what stands in its place while the document has none. */
  public String numberOrDraft() {
    return number == null ? "Draft: no Council document number yet" : number;
  }

  /**
   * {@code "15020/24, page "} as a CSS string for the page footer's {@code content}: every
   * character but letters, digits, spaces and {@code ,./:()-} escaped, so that nothing the
   * secretariat typed as the number can end the string or the style sheet.
   */
  public String footerCss() {
    StringBuilder css = new StringBuilder("\"");
    (numberOrDraft() + ", page ").codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) || " ,./:()-".indexOf(c) >= 0) {
        css.appendCodePoint(c);
      } else {
        css.append('\\').append(Integer.toHexString(c)).append(' ');
      }
    });
    return css.append('"').toString();
  }

  /**
   * The marking of a document gathering OAPs of these classifications (as written; blanks and
   * nulls are none): the highest of the EU's levels among them, as the OAP writing it spells it,
   * and beside it any wording that is no known level, which nobody can rank (never dropped).
   */
  public static String marking(Collection<String> classifications) {
    Set<String> written = new LinkedHashSet<>();
    classifications.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).forEach(written::add);
    String highest = null;
    int level = -1;
    List<String> unknown = new ArrayList<>();
    for (String marking : written) {
      int of = level(marking);
      if (of < 0) {
        unknown.add(marking);
      } else if (of > level) {
        highest = marking;
        level = of;
      }
    }
    List<String> parts = new ArrayList<>();
    if (highest != null) {
      parts.add(highest);
    }
    parts.addAll(unknown);
    return parts.isEmpty() ? null : String.join(" + ", parts);
  }

  private static int level(String marking) {
    String upper = marking.toUpperCase(Locale.ROOT);
    for (int i = LEVELS.size() - 1; i >= 0; i--) {
      if (LEVELS.get(i).stream().anyMatch(upper::contains)) {
        return i;
      }
    }
    return -1;
  }
}
