package eu.empact.oap.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every value of the document format is bounded, so that nothing the reader accepts is too long
 * for its column or too large for its number; that each bound fits its column is shown on both
 * databases by {@code PlatformContract.storesEveryTextAtTheLengthOfItsColumn}.
 */
class OapDocumentSchemaTest {

  @Test
  void boundsEveryTextAndEveryNumber() throws IOException {
    List<String> unbounded = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream(OapDocumentReader.SCHEMA)) {
      collectUnbounded(new ObjectMapper().readTree(in), "$", unbounded);
    }

    assertThat(unbounded).isEmpty();
  }

  private static void collectUnbounded(JsonNode schema, String path, List<String> unbounded) {
    String types = schema.path("type").toString();
    if (types.contains("\"string\"") && !schema.has("maxLength")) {
      unbounded.add(path + ": a string without maxLength");
    }
    if ((types.contains("\"integer\"") || types.contains("\"number\""))
        && !(schema.has("minimum") && schema.has("maximum"))) {
      unbounded.add(path + ": a number without minimum and maximum");
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      collectUnbounded(property.getValue(), path + "." + property.getKey(), unbounded);
    }
    if (schema.has("items")) {
      collectUnbounded(schema.get("items"), path + "[]", unbounded);
    }
  }
}
