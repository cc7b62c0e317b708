package ua.dnipro.contactcenter.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for the tests: JSON in and out, HTTP Basic as one user. */
public final class HttpApi {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final String authorization;
  private final Map<String, String> headers = new LinkedHashMap<>();

  HttpApi(int port, String user, String password) {
    this.port = port;
    this.authorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Calls the application on the port as the user (null: anonymous). */
  public static HttpApi at(int port, String user, String password) {
    return new HttpApi(port, user, password);
  }

  private HttpApi(int port, String authorization, Map<String, String> headers) {
    this.port = port;
    this.authorization = authorization;
    this.headers.putAll(headers);
  }

  /** A copy that sends one more header. */
  public HttpApi header(String name, String value) {
    HttpApi copy = new HttpApi(port, authorization, headers);
    copy.headers.put(name, value);
    return copy;
  }

  /** A response, with its body parsed when it is JSON. */
  public record Response(int status, HttpResponse<String> raw) {

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("not JSON: " + raw.body(), e);
      }
    }

    public String body() {
      return raw.body();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").POST(bodyOf(body)));
  }

  /** An application/x-www-form-urlencoded POST (Open311's filings): names may repeat. */
  public Response postForm(String path, java.util.List<Map.Entry<String, String>> fields) {
    String body = fields.stream().map(field -> java.net.URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
        + java.net.URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").PUT(bodyOf(body)));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  /** A multipart/form-data POST, as a browser's file upload or Camunda Modeler's deployment sends it. */
  public Response postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files) {
    String boundary = "----contact-center-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n"));
    files.forEach((name, content) -> {
      write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      body.writeBytes(content);
      write(body, "\r\n");
    });
    write(body, "--" + boundary + "--\r\n");
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** Files in one multipart part name (repeated), each with its file name and the content type the client declares. */
  public Response postFiles(String path, String part, Map<String, byte[]> files, String declaredType) {
    String boundary = "----contact-center-" + System.nanoTime();
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, part, files, declaredType))));
  }

  /** A multipart body of files in one part name. */
  public static byte[] multipart(String boundary, String part, Map<String, byte[]> files, String declaredType) {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    files.forEach((name, content) -> {
      write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + name
          + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n");
      body.writeBytes(content);
      write(body, "\r\n");
    });
    write(body, "--" + boundary + "--\r\n");
    return body.toByteArray();
  }

  /** A GET whose answer is bytes (a photo). */
  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void write(java.io.ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  public Response send(String method, String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").method(method, bodyOf(body)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private static HttpRequest.BodyPublisher bodyOf(Object body) {
    if (body == null) {
      return HttpRequest.BodyPublishers.noBody();
    }
    try {
      return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
