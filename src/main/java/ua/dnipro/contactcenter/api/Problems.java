package ua.dnipro.contactcenter.api;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Problem documents (RFC 9457) as every error of the channel API is answered. */
public final class Problems {

  private static final String TYPE_BASE = "https://contact-center.dnipro.ua/problems/";

  private Problems() {
  }

  public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  public static ProblemDetail invalid(String title, List<FieldViolation> violations) {
    ProblemDetail problem = of(HttpStatusCode.valueOf(422), "invalid-request", title,
        violations.size() == 1 ? violations.get(0).message()
            : violations.size() + " fields break the rules; see errors");
    problem.setProperty("errors", violations);
    return problem;
  }
}
