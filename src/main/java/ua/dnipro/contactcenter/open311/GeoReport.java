package ua.dnipro.contactcenter.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A GeoReport v2 answer, written once and rendered in either format with the same data: XML as the
 * specification writes it (UTF-8, its element names, no namespace), JSON as that XML without its
 * root element, where a container of repeated elements is always an array (the open311 "Spark"
 * convention). Bodies are maps and lists of strings, numbers, booleans, instants and nulls.
 */
final class GeoReport {

  /** The two formats, chosen by the resource's suffix ({@code services.json}, {@code services.xml}). */
  enum Format {
    JSON(new MediaType("application", "json", StandardCharsets.UTF_8)),
    XML(new MediaType("text", "xml", StandardCharsets.UTF_8));

    final MediaType mediaType;

    Format(MediaType mediaType) {
      this.mediaType = mediaType;
    }

    static Optional<Format> of(String suffix) {
      return switch (suffix == null ? "" : suffix.toLowerCase(Locale.ROOT)) {
        case "json" -> Optional.of(JSON);
        case "xml" -> Optional.of(XML);
        default -> Optional.empty();
      };
    }
  }

  /** Each container's repeated element, as the specification names them. */
  static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
      "attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats", "format", "errors", "error",
      "service_request_updates", "request_update");

  /** W3C date-times, in UTC, to the second (clients such as FixMyStreet's accept no fractions). */
  static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private GeoReport() {
  }

  /** An ordered element: {@code fields("service_code", "WATER-NO_WATER", "metadata", true, …)}. */
  static Map<String, Object> fields(Object... namesAndValues) {
    Map<String, Object> element = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      element.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return element;
  }

  static ResponseEntity<byte[]> answer(HttpStatus status, Format format, String root, Object body) {
    return ResponseEntity.status(status).contentType(format.mediaType).body(render(format, root, body));
  }

  /** The answer's bytes: {@code root} is a container of {@link #ITEMS} (body a list) or an element (body a map). */
  static byte[] render(Format format, String root, Object body) {
    return format == Format.JSON ? json(body) : xml(root, body);
  }

  private static byte[] json(Object body) {
    try {
      return JSON.writeValueAsBytes(plain(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The body with instants as W3C strings. */
  private static Object plain(Object value) {
    if (value instanceof Instant instant) {
      return W3C.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((name, inner) -> copy.put((String) name, plain(inner)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(inner -> copy.add(plain(inner)));
      return copy;
    }
    return value;
  }

  private static byte[] xml(String root, Object body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("utf-8", "1.0");
      element(xml, root, body);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
    xml.writeStartElement(name);
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> field : map.entrySet()) {
        element(xml, (String) field.getKey(), field.getValue());
      }
    } else if (value instanceof List<?> list) {
      String item = ITEMS.get(name);
      if (item == null) {
        throw new IllegalArgumentException("no element name for the items of " + name);
      }
      for (Object inner : list) {
        element(xml, item, inner);
      }
    } else if (value != null) {
      xml.writeCharacters(text(plain(value)));
    }
    xml.writeEndElement();
  }

  private static String text(Object value) {
    if (value instanceof Double number) {
      return java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }
}
