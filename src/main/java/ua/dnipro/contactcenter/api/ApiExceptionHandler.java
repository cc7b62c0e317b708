package ua.dnipro.contactcenter.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.dao.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the channel API as a problem document (RFC 9457) that names the bad field and
 * the rule it broke. Request bodies never reach the log: they hold citizens' personal data.
 */
@RestControllerAdvice(basePackages = "ua.dnipro.contactcenter")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private final ua.dnipro.contactcenter.config.ContactCenterProperties properties;

  ApiExceptionHandler(ua.dnipro.contactcenter.config.ContactCenterProperties properties) {
    this.properties = properties;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    return ResponseEntity.unprocessableEntity().body(Problems.invalid("The request is not valid", e.violations()));
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> refused(ApiException e) {
    return ResponseEntity.status(e.status()).body(Problems.of(e.status(), e.type(), e.title(), e.getMessage()));
  }

  /**
   * The engine or the database failed. Nothing was accepted either way; only a failure that may pass
   * (a conflict, a lost connection, an overloaded database) is worth retrying: 503 with Retry-After.
   * Anything else is our fault, answered 500 and logged, so that no channel retries forever.
   */
  @ExceptionHandler({ProcessEngineException.class, DataAccessException.class})
  ResponseEntity<ProblemDetail> failed(RuntimeException e) {
    if (TransientFailures.isTransient(e)) {
      LOG.warn("A channel request failed for a passing reason; the channel is told to retry", e);
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60")
          .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Complaints cannot be accepted right now",
              "Nothing was accepted. Retry later with the same Idempotency-Key."));
    }
    LOG.error("A channel request failed", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error", "The request failed", "Nothing was accepted. Retrying the same request will not help; "
            + "the contact center's administrators have the details."));
  }

  /** A multipart request far over the photo limits, refused before the application saw it. */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
        "photo-too-large", "A photo is too large", "photo: at most " + properties.photos().maxSize().toMegabytes()
            + " MB per photo and " + properties.photos().maxPerComplaint() + " photos per complaint"));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return unprocessable(new FieldViolation(path(unknown), "unknown-field",
          "'" + unknown.getPropertyName() + "' is not a field of this request; known fields: "
              + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "))));
    }
    if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
      JsonMappingException mapping = (JsonMappingException) cause;
      if (!mapping.getPath().isEmpty()) {
        Class<?> expected = cause instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return unprocessable(new FieldViolation(path(mapping), "type", "must be " + describe(expected)));
      }
    }
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
        "The request body is not readable JSON", "Send a JSON object as the API documentation shows"));
  }

  private static ResponseEntity<Object> unprocessable(FieldViolation violation) {
    return ResponseEntity.unprocessableEntity().body(Problems.invalid("The request is not valid", List.of(violation)));
  }

  /** A JSON type as the channel's developer knows it, never a class of ours. */
  static String describe(Class<?> type) {
    if (type == null) {
      return "of the type the API documentation gives";
    }
    if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
      return "a JSON string";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a JSON number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    return "a JSON object";
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }
}
