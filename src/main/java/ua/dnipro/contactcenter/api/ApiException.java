package ua.dnipro.contactcenter.api;

import org.springframework.http.HttpStatus;

/** A request the API answers with a problem document of the given status and type. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String type;
  private final String title;

  public ApiException(HttpStatus status, String type, String title, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
  }

  public static ApiException conflict(String type, String title, String detail) {
    return new ApiException(HttpStatus.CONFLICT, type, title, detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }
}
