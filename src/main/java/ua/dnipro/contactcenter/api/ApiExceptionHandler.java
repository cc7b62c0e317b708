package ua.dnipro.contactcenter.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
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

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    return ResponseEntity.unprocessableEntity().body(Problems.invalid("The request is not valid", e.violations()));
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> refused(ApiException e) {
    return ResponseEntity.status(e.status()).body(Problems.of(e.status(), e.type(), e.title(), e.getMessage()));
  }

  /** The engine refused (a suspended process, a broken table): nothing was accepted, try again later. */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<ProblemDetail> engineRefused(ProcessEngineException e) {
    LOG.error("The process engine refused a channel request", e);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60")
        .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Complaints cannot be accepted right now",
            "Nothing was accepted. Retry later with the same Idempotency-Key."));
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
        return unprocessable(new FieldViolation(path(mapping), "type",
            "has the wrong type: " + mapping.getOriginalMessage().split("\n")[0]));
      }
    }
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
        "The request body is not readable JSON", "Send a JSON object as the API documentation shows"));
  }

  private static ResponseEntity<Object> unprocessable(FieldViolation violation) {
    return ResponseEntity.unprocessableEntity().body(Problems.invalid("The request is not valid", List.of(violation)));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }
}
