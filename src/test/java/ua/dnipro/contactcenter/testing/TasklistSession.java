package ua.dnipro.contactcenter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What the Tasklist page does in the browser, over plain HTTP: a session cookie, the XSRF token,
 * the login, then calls to the webapps' own engine API ({@code /camunda/api/engine/...}).
 */
public final class TasklistSession {

  // HTTP/1.1, as browsers speak to a plain-http server (Java's default asks for an h2c upgrade each time)
  private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .cookieHandler(new CookieManager()).build();
  private final int port;
  private final String forwardedFor;
  private String csrf;

  private TasklistSession(int port, String forwardedFor) {
    this.port = port;
    this.forwardedFor = forwardedFor;
  }

  /** Logs into Tasklist; the login's own answer is {@link #loginStatus}. */
  public static TasklistSession login(int port, String user, String password) {
    return login(port, user, password, null);
  }

  /** Logs into Tasklist from a client behind a proxy, whose address the proxy passes on. */
  public static TasklistSession login(int port, String user, String password, String clientAddress) {
    return login(port, user, password, clientAddress, "default");
  }

  /** Logs into Tasklist of the named engine (an application whose engine is not "default"). */
  public static TasklistSession login(int port, String user, String password, String clientAddress, String engine) {
    TasklistSession session = open(port, clientAddress);
    session.login = session.form("/camunda/api/admin/auth/user/" + engine + "/login/tasklist",
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    session.loginStatus = session.login.statusCode();
    // the login renews the session; the next reading request hands out the new session's token
    session.get("/camunda/api/admin/auth/user/" + engine);
    return session;
  }

  public int loginStatus;
  public HttpResponse<String> login;

  /** The Tasklist page opened, not logged in yet: a session and its XSRF token. */
  public static TasklistSession open(int port, String clientAddress) {
    TasklistSession session = new TasklistSession(port, clientAddress);
    HttpResponse<String> page = session.send(HttpRequest.newBuilder(session.url("/camunda/app/tasklist/default/")).GET());
    session.csrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    return session;
  }

  /** A form post, as the login page sends it. */
  public HttpResponse<String> form(String path, String body) {
    return send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(url(path)).GET());
  }

  /** A post the way a page of another site would send it: with the session's cookie, without its token. */
  public HttpResponse<String> postWithoutToken(String path, String json) {
    String token = csrf;
    csrf = null;
    try {
      return post(path, json);
    } finally {
      csrf = token;
    }
  }

  public HttpResponse<String> post(String path, String json) {
    return send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A post asking for a representation, as Tasklist asks for a filter's list in HAL. */
  public HttpResponse<String> post(String path, String json, String accept) {
    return send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The webapps' engine API path of an engine REST operation, e.g. {@code /task/count}. */
  public static String engine(String operation) {
    return engine("default", operation);
  }

  /** The webapps' engine API path of an engine REST operation on the named engine. */
  public static String engine(String engine, String operation) {
    return "/camunda/api/engine/engine/" + engine + operation;
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (csrf != null) {
      request.header("X-XSRF-TOKEN", csrf);
    }
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    try {
      HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
      // the token changes with the session, which a login renews
      response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrf = token);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET whose answer is bytes (a photo a form shows), with the session's cookie. */
  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return browser.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Files uploaded as a page of the application sends them: with the session's cookie and, if asked, its token. */
  public HttpResponse<String> postFiles(String path, String part, java.util.Map<String, byte[]> files, boolean withToken) {
    String boundary = "----contact-center-" + System.nanoTime();
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(HttpApi.multipart(boundary, part, files, "image/jpeg")));
    String token = csrf;
    if (!withToken) {
      csrf = null;
    }
    try {
      return send(request);
    } finally {
      csrf = token;
    }
  }
}
