package eu.empact.oap.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Mutants of a JSON document for property tests of anything that reads JSON from a client (an OAP
 * document, a task form's submission): each is the document with one to three random mutations
 * (a member dropped, an element duplicated, a value of another type, a number at an edge such as
 * 2^31, a text too long or with a NUL, another control character, unicode or half a surrogate
 * pair, a value moved from elsewhere in the document or taken from the caller's own tricky
 * values, deeply nested junk) and sometimes the JSON text itself broken (cut short, a character
 * replaced). The same seed gives the same mutants, in the same order, so a failure is reproduced
 * by its seed and number, and its description says what was done where.
 */
public final class JsonMutations {

  /** One mutant: the JSON text to send and what was changed, as JSON paths. */
  public record Mutant(int number, String json, String description) {}

  /** Writes deeper nesting than the parsers that read the mutants should accept. */
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(10_000).build()).build());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<JsonNode> NUMBERS = List.of(NODES.numberNode(0), NODES.numberNode(-1),
      NODES.numberNode(1), NODES.numberNode(99), NODES.numberNode(100), NODES.numberNode(Integer.MAX_VALUE),
      NODES.numberNode(2147483648L), NODES.numberNode(Integer.MIN_VALUE), NODES.numberNode(-2147483649L),
      NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new BigInteger("1" + "0".repeat(40))), NODES.numberNode(1.0),
      NODES.numberNode(1.5), NODES.numberNode(-0.0), NODES.numberNode(1e308), NODES.numberNode(new BigDecimal("1e400")));
  private static final List<String> TEXTS = List.of("", " ", "\u0000", "a\u0000b", "\u0001\u0007\u001b\u007f",
      "tab\tnew\nline\r", "\ud800", "\udc00 alone", "\uD83D\uDE00 emoji \uD83C\uDDEA\uD83C\uDDFA", "Ελλάδα", "日本語",
      "مرحبا", "e\u0301\u200b\u200f\ufeff", "\uFFFF\uFFFE", "<script>alert(1)</script>", "'; DROP TABLE oap; --",
      "%s%n{0}${x}", "null", "true", "1.1");
  private static final int[] LENGTHS = {9, 17, 33, 65, 101, 151, 201, 301, 501, 1001, 2001, 4001, 10_001};

  private final JsonNode seed;
  private final List<JsonNode> tricky;
  private final long randomSeed;
  private final Random random;
  private int count;

  /**
   * @param seed the valid document every mutant starts from (not changed)
   * @param tricky values of the caller's domain worth trying anywhere (an unknown actor, a
   *               period of the wrong years, a duplicate ref)
   * @param randomSeed the seed that fixes every mutant
   */
  public JsonMutations(JsonNode seed, List<JsonNode> tricky, long randomSeed) {
    this.seed = seed.deepCopy();
    this.tricky = List.copyOf(tricky);
    this.randomSeed = randomSeed;
    this.random = new Random(randomSeed);
  }

  /** The next mutant of the seed document. */
  public Mutant next() {
    count++;
    JsonNode root = seed.deepCopy();
    List<String> done = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      root = mutate(root, done);
    }
    String json = write(root);
    if (random.nextInt(20) == 0) {
      int cut = random.nextInt(json.length());
      json = json.substring(0, cut);
      done.add("JSON cut after " + cut + " characters");
    } else if (random.nextInt(20) == 0) {
      int at = random.nextInt(json.length());
      char replacement = "{}[]\",:\\0 x".charAt(random.nextInt(11));
      json = json.substring(0, at) + replacement + json.substring(at + 1);
      done.add("JSON character " + at + " replaced by '" + replacement + "'");
    }
    return new Mutant(count, json, "mutant " + count + " of seed " + randomSeed + ": " + String.join("; ", done));
  }

  /** One mutation at a random place; returns the new root (the root itself may be replaced). */
  private JsonNode mutate(JsonNode root, List<String> done) {
    Place place = somewhere(root);
    int kind = random.nextInt(10);
    if (kind == 0 && place.parent != null) {
      place.remove();
      done.add("removed " + place.path);
      return root;
    }
    if (kind == 1 && place.parent instanceof ArrayNode array) {
      array.insert(place.index, place.node.deepCopy());
      done.add("duplicated " + place.path);
      return root;
    }
    if (kind == 2 && place.node instanceof ObjectNode object) {
      object.set(text(8), value(random.nextInt(6)));
      done.add("added an unknown member to " + place.path);
      return root;
    }
    JsonNode replacement = switch (kind < 3 ? 3 + random.nextInt(6) : kind) {
      case 3 -> value(random.nextInt(6));
      case 4 -> NUMBERS.get(random.nextInt(NUMBERS.size()));
      case 5 -> NODES.textNode(place.node.isTextual() && random.nextBoolean()
          ? insert(place.node.textValue(), TEXTS.get(random.nextInt(TEXTS.size())))
          : TEXTS.get(random.nextInt(TEXTS.size())));
      case 6 -> NODES.textNode(longText(LENGTHS[random.nextInt(LENGTHS.length)]));
      case 7 -> somewhere(root).node.deepCopy();
      case 8 -> tricky.isEmpty() ? NODES.nullNode() : tricky.get(random.nextInt(tricky.size())).deepCopy();
      default -> nested(random.nextInt(3) == 0 ? 2_000 : 1 + random.nextInt(50));
    };
    done.add("set " + place.path + " to " + abbreviated(replacement));
    if (place.parent == null) {
      return replacement;
    }
    place.replace(replacement);
    return root;
  }

  private JsonNode value(int type) {
    return switch (type) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.numberNode(random.nextInt(200) - 100);
      case 3 -> NODES.textNode(text(1 + random.nextInt(12)));
      case 4 -> NODES.arrayNode().add(text(3));
      default -> NODES.objectNode().put(text(4), text(4));
    };
  }

  private String insert(String text, String inserted) {
    int at = random.nextInt(text.length() + 1);
    return text.substring(0, at) + inserted + text.substring(at);
  }

  /** Text of the length given, over one, two and three bytes in UTF-8 and an emoji (two chars). */
  private String longText(int length) {
    StringBuilder text = new StringBuilder(length);
    String alphabet = random.nextBoolean() ? "abcdefghij" : "aé€\uD83D\uDE00";
    while (text.length() < length) {
      text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
          random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
    }
    return text.substring(0, length);
  }

  private String text(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  /** Arrays or objects nested to the depth given: 2,000 is beyond what a JSON parser should take. */
  private JsonNode nested(int depth) {
    boolean arrays = random.nextBoolean();
    JsonNode node = NODES.textNode("deep");
    for (int i = 0; i < depth; i++) {
      node = arrays ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
    }
    return node;
  }

  private static String abbreviated(JsonNode value) {
    String text = write(value);
    return text.length() <= 60 ? text : text.substring(0, 40) + "... (" + text.length() + " characters)";
  }

  /** Escaped to ASCII so that texts arrive as written, half surrogate pairs included. */
  private static String write(JsonNode root) {
    try {
      return JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A place found by a random walk down from the root, stopping at each level with a chance of
   * one in three (never at the root of a non-empty document), so that the members near the top
   * are hit about as often as those deep in the many OAs.
   */
  private Place somewhere(JsonNode root) {
    Place place = new Place(root, null, null, -1, "$");
    while (place.node.size() > 0 && (place.parent == null || random.nextInt(3) != 0)) {
      JsonNode node = place.node;
      if (node instanceof ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        place = new Place(object.get(name), object, name, -1, place.path + "." + name);
      } else {
        int index = random.nextInt(node.size());
        place = new Place(node.get(index), node, null, index, place.path + "[" + index + "]");
      }
    }
    return place;
  }

  /** A node of the document and where it hangs: a member of an object, an element of an array, or the root. */
  private record Place(JsonNode node, JsonNode parent, String name, int index, String path) {

    void remove() {
      edit(object -> object.remove(name), array -> array.remove(index));
    }

    void replace(JsonNode value) {
      edit(object -> object.set(name, value), array -> array.set(index, value));
    }

    private void edit(Function<ObjectNode, JsonNode> inObject, Function<ArrayNode, JsonNode> inArray) {
      if (parent instanceof ObjectNode object) {
        inObject.apply(object);
      } else {
        inArray.apply((ArrayNode) parent);
      }
    }
  }
}
