package eu.empact.oap.registry;

import java.util.Comparator;

/** OA references in the order people read them: 2.2 before 2.10, 2.10 before 3.1. */
public final class OaRefs {

  /** Number by number; a part that is no number compares as text after the numbers. */
  public static final Comparator<String> ORDER = OaRefs::compare;

  private OaRefs() {}

  private static int compare(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int order = part(left[i], right[i]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.length, right.length);
  }

  private static int part(String a, String b) {
    boolean aNumber = a.matches("\\d{1,9}");
    boolean bNumber = b.matches("\\d{1,9}");
    if (aNumber && bNumber) {
      return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
    }
    return aNumber != bNumber ? (aNumber ? -1 : 1) : a.compareTo(b);
  }
}
