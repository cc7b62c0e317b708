package ua.dnipro.contactcenter.api;

import java.util.ArrayList;
import java.util.List;

/** Collects every broken rule of a request, so that one answer names them all. */
public final class Violations {

  private final List<FieldViolation> list = new ArrayList<>();

  public void add(String field, String rule, String message) {
    list.add(new FieldViolation(field, rule, message));
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<FieldViolation> list() {
    return List.copyOf(list);
  }

  /** The answer to a request that broke one rule, found before there was anything else to check. */
  public static InvalidRequestException one(String field, String rule, String message) {
    return new InvalidRequestException(new FieldViolation(field, rule, message));
  }

  public InvalidRequestException exception() {
    return new InvalidRequestException(list);
  }
}
