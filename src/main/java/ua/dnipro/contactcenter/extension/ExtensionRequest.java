package ua.dnipro.contactcenter.extension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.StatutoryTerms;

/**
 * An executor's request for more time: the last day they ask for, checked against the complaint.
 * The new deadline is the end of that day in Kyiv. It must be later than the current deadline, and
 * no later than the forty-five days from receipt that the Law "On Citizens' Appeals" (art. 20)
 * allows even with an extension.
 */
record ExtensionRequest(LocalDate lastDay, Instant newDeadline) {

  /** The request, or why it cannot be granted (a message for the executor). */
  static Result check(Object requested, ComplaintState complaint, StatutoryTerms terms) {
    LocalDate day;
    try {
      day = requested instanceof String text ? LocalDate.parse(text.trim()) : null;
    } catch (DateTimeParseException e) {
      day = null;
    }
    if (day == null) {
      return Result.refused("extensionUntil: the new last day as YYYY-MM-DD, such as 2026-07-20, was " + requested);
    }
    Instant deadline = terms.endOf(day);
    if (complaint.dueAt() != null && !deadline.isAfter(complaint.dueAt())) {
      return Result.refused("extensionUntil: must be later than the current deadline, "
          + terms.lastDayShown(complaint.dueAt()));
    }
    Instant limit = terms.limit(complaint.receivedAt());
    if (deadline.isAfter(limit)) {
      return Result.refused("extensionUntil: the Law \"On Citizens' Appeals\" (art. 20) allows at most forty-five days "
          + "from receipt, even with an extension: " + terms.lastDayShown(limit) + " at the latest");
    }
    return new Result(Optional.of(new ExtensionRequest(day, deadline)), null);
  }

  record Result(Optional<ExtensionRequest> request, String refusal) {

    static Result refused(String why) {
      return new Result(Optional.empty(), why);
    }
  }
}
