package eu.empact.oap.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What every text of a document must be to be stored as written on both databases, beyond what
 * the JSON Schema says: no NUL character (PostgreSQL refuses it), no unpaired surrogate (not
 * Unicode text: PostgreSQL would store "?" in its place), and within the schema's
 * {@code maxLength} counted as H2 counts a column's length, in UTF-16 code units (the schema counts
 * code points: an emoji is one character there and two in H2).
 */
final class StoredText {

  private StoredText() {}

  /** Adds a problem for every text under {@code node} that cannot be stored; {@code schema} is the node's schema. */
  static void check(JsonNode node, JsonNode schema, String path, List<Problem> problems) {
    if (node.isTextual()) {
      String reason = refusal(node.textValue(), schema.path("maxLength"));
      if (reason != null) {
        problems.add(new Problem(path, reason));
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        check(field.getValue(), schema.path("properties").path(field.getKey()), path + "." + field.getKey(), problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), schema.path("items"), path + "[" + i + "]", problems);
      }
    }
  }

  private static String refusal(String text, JsonNode maxLength) {
    if (text.indexOf('\u0000') >= 0) {
      return "contains the NUL character (\\u0000), which cannot be stored";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i))
          : !Character.isLowSurrogate(c);
      if (!paired) {
        return "contains an unpaired surrogate (\\u" + Integer.toHexString(c) + "): not Unicode text";
      }
    }
    int max = maxLength.asInt(Integer.MAX_VALUE);
    if (text.length() > max && text.codePointCount(0, text.length()) <= max) {
      return "is " + text.length() + " characters long as stored, where a character outside the Basic Multilingual "
          + "Plane (an emoji) counts twice; at most " + max;
    }
    return null;
  }
}
