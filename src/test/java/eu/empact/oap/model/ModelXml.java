package eu.empact.oap.model;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A model file as XML, read namespace-aware: what the rules see does not depend on the prefixes
 * a model happens to use ({@code bpmn:script}, {@code script}, {@code b:script} are one element),
 * and entities are decoded ({@code &#39;} is a quote, as Camunda Modeler writes it in attributes).
 */
record ModelXml(Document document) {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
  static final String MODELER = "http://camunda.org/schema/modeler/1.0";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
  static final String DMN_DI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

  static ModelXml read(Path file) {
    try {
      return new ModelXml(builder().parse(file.toFile()));
    } catch (SAXException | IOException e) {
      throw new IllegalStateException(file + " is not well-formed XML", e);
    }
  }

  static ModelXml of(String xml) {
    try {
      return new ModelXml(builder().parse(new InputSource(new StringReader(xml))));
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("not well-formed XML: " + xml, e);
    }
  }

  private static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  Element root() {
    return document.getDocumentElement();
  }

  /** Every element of the namespace with that local name, wherever it is. */
  List<Element> elements(String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    var nodes = document.getElementsByTagNameNS(namespace, localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  /** Every element of the document, in document order. */
  List<Element> elements() {
    return elements("*", "*");
  }

  /** The values of every attribute but those named like {@code skip}, and every text, decoded. */
  List<String> texts(String skip) {
    List<String> texts = new ArrayList<>();
    collect(root(), skip, texts);
    return texts;
  }

  private static void collect(Node node, String skip, List<String> texts) {
    if (node instanceof Element element) {
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
        if (!name.equals(skip)) {
          texts.add(attribute.getValue());
        }
      }
    } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
      if (!node.getNodeValue().isBlank()) {
        texts.add(node.getNodeValue());
      }
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      collect(child, skip, texts);
    }
  }
}
