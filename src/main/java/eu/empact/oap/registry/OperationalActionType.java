package eu.empact.oap.registry;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The five types of operational action of the EMPACT template, stored by number. */
public enum OperationalActionType {
  OPERATIONAL(1, "1-Operational"),
  DATA(2, "2-Data collection/data exchange"),
  STRATEGIC(3, "3-Strategic"),
  KNOWLEDGE(4, "4-Knowledge/training"),
  PREVENTION(5, "5-Prevention");

  private final int code;
  private final String label;

  OperationalActionType(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The five types as the documents write them, in order: "1-Operational" ... "5-Prevention". */
  public static List<String> labels() {
    return Arrays.stream(values()).map(t -> t.label).toList();
  }

  /** "1-Operational", "2-Data collection/data exchange" as "1,2". */
  static String codes(List<String> labels) {
    return labels.stream()
        .map(label -> Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst().orElseThrow())
        .map(t -> String.valueOf(t.code)).collect(Collectors.joining(","));
  }

  static List<String> labels(String codes) {
    return Arrays.stream(codes.split(","))
        .map(code -> Arrays.stream(values()).filter(t -> String.valueOf(t.code).equals(code)).findFirst().orElseThrow())
        .map(t -> t.label).toList();
  }
}
