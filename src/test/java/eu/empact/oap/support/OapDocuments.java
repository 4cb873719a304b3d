package eu.empact.oap.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.empact.oap.demo.DemoData;
import java.util.concurrent.atomic.AtomicInteger;

/** Test OAP documents: the demo OAP under a priority name of its own, changed as a test needs. */
public final class OapDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final ObjectNode document;

  private OapDocuments(ObjectNode document) {
    this.document = document;
  }

  /** The demo OAP with a priority nobody imported yet. */
  public static OapDocuments demoUnderNewPriority() {
    OapDocuments documents = demo();
    documents.document.with("priority").put("name", "Test priority " + NAMES.incrementAndGet() + " "
        + System.nanoTime());
    return documents;
  }

  /**
   * A small OAP beside the demo, under a priority of its own: the demo's first OA alone, led by
   * {@code leader} with the participants, under a Driver and one Co-Driver.
   */
  public static OapDocuments oneOa(String driver, String coDriver, String leader, String... participants) {
    OapDocuments documents = demoUnderNewPriority();
    documents.document.put("driver", driver);
    documents.document.putArray("coDrivers").add(coDriver);
    ObjectNode only = documents.action(0);
    only.putArray("actionLeaders").add(leader);
    only.putArray("coActionLeaders");
    ArrayNode taking = only.putArray("participants");
    for (String participant : participants) {
      taking.add(participant);
    }
    documents.actions().removeAll().add(only);
    return documents;
  }

  public static OapDocuments demo() {
    try {
      return new OapDocuments((ObjectNode) JSON.readTree(DemoData.demoDocument()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public ObjectNode root() {
    return document;
  }

  public ObjectNode action(int index) {
    return (ObjectNode) document.withArray("operationalActions").get(index);
  }

  public ArrayNode actions() {
    return document.withArray("operationalActions");
  }

  public String priority() {
    return document.get("priority").get("name").asText();
  }

  /**
   * The document as JSON with every character beyond ASCII escaped, so that any text reaches the
   * server as written, even half a surrogate pair (which UTF-8 cannot carry).
   */
  public String json() {
    try {
      return JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
