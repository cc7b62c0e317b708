package ua.dnipro.contactcenter.api;

import java.util.List;

/** A request the API understood but will not accept (422), with every broken rule. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldViolation> violations;

  public InvalidRequestException(List<FieldViolation> violations) {
    super(violations.size() + " field(s) break the rules: " + violations.stream().map(FieldViolation::field).toList());
    this.violations = List.copyOf(violations);
  }

  public InvalidRequestException(FieldViolation violation) {
    this(List.of(violation));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
