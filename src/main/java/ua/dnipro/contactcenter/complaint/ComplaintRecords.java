package ua.dnipro.contactcenter.complaint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the application keeps each complaint's state and the history of its changes. */
public interface ComplaintRecords {

  void insert(ComplaintState state);

  Optional<ComplaintState> find(String number);

  /** The state, locked until the transaction ends: one change at a time per complaint. */
  Optional<ComplaintState> findForUpdate(String number);

  void update(ComplaintState state);

  /**
   * Forgets the texts people wrote into the state (the resolution, or a head's reason for leaving
   * the complaint unconsidered, and a forwarding body written by hand): personal-data retention.
   */
  void forgetWrittenTexts(String number);

  /** Appends one entry (event, status, time and codes) to the complaint's history. */
  void append(String number, Map<String, Object> entry);

  /** The district the channel named when it filed the complaint (none if it named none). */
  Optional<String> districtOf(String number);

  /** The history, oldest first. */
  List<Map<String, Object>> history(String number);

  /**
   * The numbers of the open complaints (registered, with a department or the dispatchers; not
   * merged) of a category, and of that issue type unless it is null, received since that moment,
   * the newest first, at most {@code limit}. Numbers only: every filing asks (see LikelyDuplicates).
   */
  List<String> openOfCategorySince(String category, String issueType, java.time.Instant since, String exceptNumber,
      int limit);
}
