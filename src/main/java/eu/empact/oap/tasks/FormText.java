package eu.empact.oap.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A text a form shows or starts a field with. The engine keeps a String variable in a column of
 * 4,000 characters; a longer text (the overview of a large OAP, the Driver's assessments) is kept
 * as a JSON string, which has no such limit and which Tasklist shows as the same text.
 */
public final class FormText {

  /** ACT_RU_VARIABLE.TEXT_ holds this many characters. */
  static final int STRING_LIMIT = 4000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private FormText() {}

  /** The text as a variable value: a String, or a JSON string when it is longer than a String variable holds. */
  public static Object of(String text) {
    if (text == null || text.length() <= STRING_LIMIT) {
      return text;
    }
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(text)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A day as a message names it: "24 January 2027". The date picker of form-js shows days in the
   * browser's own format (mm/dd/yyyy, dd/mm/yyyy ...), which a form cannot set; a day in words
   * reads the same beside any of them.
   */
  public static String day(LocalDate day) {
    return day.format(DAY);
  }
}
