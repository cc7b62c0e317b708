package ua.dnipro.contactcenter.security;

import java.util.Locale;
import java.util.Optional;

/**
 * One call of the engine's REST API, whichever door it came through: {@code /engine-rest/...},
 * {@code /engine-rest/engine/{name}/...} or Tasklist's {@code /camunda/api/engine/engine/{name}/...}
 * all name the same operation, such as {@code POST /task/{id}/complete}.
 *
 * @param method the HTTP method, upper case (HEAD counts as GET)
 * @param path the operation's path, from the resource on, e.g. {@code /task/42/complete}
 */
record EngineOperation(String method, String path) {

  private static final String ENGINE_REST = SecurityFilters.ENGINE_REST;
  private static final String WEBAPP_ENGINE = SecurityFilters.WEBAPP_API + "/engine/engine";

  /** The operation a request path names, if it is one of the engine's REST API. */
  static Optional<EngineOperation> of(String method, String path) {
    String verb = method.toUpperCase(Locale.ROOT).equals("HEAD") ? "GET" : method.toUpperCase(Locale.ROOT);
    String rest;
    if (path.equals(ENGINE_REST + "/engine") || path.startsWith(ENGINE_REST + "/engine/")) {
      rest = afterEngineName(path.substring((ENGINE_REST + "/engine").length()));
    } else if (path.startsWith(ENGINE_REST + "/") || path.equals(ENGINE_REST)) {
      rest = path.substring(ENGINE_REST.length());
    } else if (path.equals(WEBAPP_ENGINE) || path.startsWith(WEBAPP_ENGINE + "/")) {
      rest = afterEngineName(path.substring(WEBAPP_ENGINE.length()));
    } else if (path.startsWith(SecurityFilters.WEBAPP_API + "/engine")) {
      rest = "/engine";
    } else {
      return Optional.empty();
    }
    if (rest.length() > 1 && rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    return Optional.of(new EngineOperation(verb, rest.isEmpty() ? "/" : rest));
  }

  /** From {@code /{name}/task/...}: {@code /task/...}; from nothing or {@code /}: the engine list. */
  private static String afterEngineName(String tail) {
    if (tail.isEmpty() || tail.equals("/")) {
      return "/engine";
    }
    int next = tail.indexOf('/', 1);
    return next < 0 ? "/engine" : tail.substring(next);
  }

  /** {@code "POST /task/42/complete"}, as the policy's patterns are written. */
  String call() {
    return method + " " + path;
  }

  /** The path's segment at a position ({@code /task/42/complete}: 0 is task, 1 is 42). */
  String segment(int index) {
    String[] segments = path.substring(1).split("/");
    return index < segments.length ? segments[index] : null;
  }
}
