package eu.empact.oap.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.PathType;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says where the problems of a document lie so that a person finds them: in the order the document
 * has them (not sorted as text, where [10] comes before [2]), and each OA named by its ref where
 * the document gives it one that is a ref and is not listed twice: {@code
 * $.operationalActions[OA 2.4].kpis[2]}, otherwise by its index, {@code $.operationalActions[12]}.
 */
final class ProblemPaths {

  private static final Pattern ACTION_INDEX = Pattern.compile("^\\$\\.operationalActions\\[(\\d{1,9})]");
  private static final Pattern REF = Pattern.compile("[0-9]+\\.[0-9]+");
  private static final Pattern LAST_STEP = Pattern.compile("(\\.[^.\\[]*|\\[[^]]*])$");

  private final Map<String, Integer> order = new HashMap<>();
  private final Map<Integer, String> refs = new HashMap<>();

  ProblemPaths(JsonNode tree) {
    walk(tree, PathType.JSON_PATH.getRoot());
    JsonNode actions = tree.path("operationalActions").isArray() ? tree.get("operationalActions")
        : JsonNodeFactory.instance.arrayNode();
    Map<String, Integer> times = new HashMap<>();
    actions.forEach(oa -> times.merge(oa.path("ref").asText(""), 1, Integer::sum));
    for (int i = 0; i < actions.size(); i++) {
      JsonNode ref = actions.get(i).path("ref");
      if (ref.isTextual() && REF.matcher(ref.asText()).matches() && times.get(ref.asText()) == 1) {
        refs.put(i, ref.asText());
      }
    }
  }

  /** Where an OA is, named by its ref. */
  static String action(String ref) {
    return "$.operationalActions[OA " + ref + "]";
  }

  /** The problems in the order of the document, each OA named by its ref where it can be. */
  List<Problem> arrange(List<Problem> problems) {
    return problems.stream().sorted(Comparator.comparingInt(problem -> order(problem.path())))
        .map(problem -> new Problem(named(problem.path()), problem.reason())).toList();
  }

  private void walk(JsonNode node, String path) {
    order.putIfAbsent(path, order.size());
    if (node.isObject()) {
      node.properties().forEach(field -> walk(field.getValue(), PathType.JSON_PATH.append(path, field.getKey())));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), PathType.JSON_PATH.append(path, i));
      }
    }
  }

  /** The place of the path in the document, or of the nearest part of the document that holds it. */
  private int order(String path) {
    String at = path;
    while (!order.containsKey(at)) {
      Matcher last = LAST_STEP.matcher(at);
      if (!last.find() || last.start() == 0) {
        return -1;
      }
      at = at.substring(0, last.start());
    }
    return order.get(at);
  }

  private String named(String path) {
    Matcher index = ACTION_INDEX.matcher(path);
    if (index.find()) {
      String ref = refs.get(Integer.parseInt(index.group(1)));
      if (ref != null) {
        return action(ref) + path.substring(index.end());
      }
    }
    return path;
  }
}
