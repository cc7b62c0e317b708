package ua.dnipro.contactcenter.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/**
 * A request whose body was read once, so that a guard can inspect it and the engine REST API still
 * reads it after. Form posts (the webapps' login) get their parameters from the same bytes, because
 * the container can no longer read them from the consumed stream.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

  /** Larger bodies are refused: no engine REST request of a person or a channel comes near it. */
  static final int MAX_BODY = 2 * 1024 * 1024;

  private final byte[] body;
  private Map<String, String[]> parameters;

  private CachedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** Reads the body; an empty optional when it is larger than {@link #MAX_BODY}. */
  static java.util.Optional<CachedBodyRequest> of(HttpServletRequest request) throws IOException {
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      return body.length > MAX_BODY ? java.util.Optional.empty() : java.util.Optional.of(new CachedBodyRequest(request, body));
    }
  }

  byte[] body() {
    return body;
  }

  boolean isForm() {
    String type = getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the body was read already");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public String getParameter(String name) {
    String[] values = parameters().get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return Collections.unmodifiableMap(parameters());
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters().keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    return parameters().get(name);
  }

  /** A parameter of the form body alone (never of the query string); null if absent. */
  String formParameter(String name) {
    if (!isForm()) {
      return null;
    }
    Map<String, List<String>> form = new LinkedHashMap<>();
    parse(new String(body, charset()), charset(), form);
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A query string's parameters, decoded, without touching the request's body. */
  static Map<String, List<String>> queryParameters(String queryString) {
    Map<String, List<String>> parsed = new LinkedHashMap<>();
    parse(queryString, StandardCharsets.UTF_8, parsed);
    return parsed;
  }

  static java.util.Set<String> queryParameterNames(String queryString) {
    return queryParameters(queryString).keySet();
  }

  /** The query string's parameters, and the form body's for a form post. */
  private synchronized Map<String, String[]> parameters() {
    if (parameters == null) {
      Map<String, List<String>> collected = new LinkedHashMap<>();
      parse(getQueryString(), StandardCharsets.UTF_8, collected);
      if (isForm()) {
        parse(new String(body, charset()), charset(), collected);
      }
      Map<String, String[]> result = new LinkedHashMap<>();
      collected.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
      parameters = result;
    }
    return parameters;
  }

  private static void parse(String encoded, Charset charset, Map<String, List<String>> into) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
      into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
  }

  private static String decode(String text, Charset charset) {
    try {
      return URLDecoder.decode(text, charset);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  private Charset charset() {
    String encoding = getCharacterEncoding();
    try {
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (RuntimeException unknown) {
      return StandardCharsets.UTF_8;
    }
  }
}
