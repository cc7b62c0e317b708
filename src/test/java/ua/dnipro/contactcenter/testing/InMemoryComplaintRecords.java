package ua.dnipro.contactcenter.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;

/** The complaints' records in memory, for engine-level tests that run without the application's database. */
public final class InMemoryComplaintRecords implements ComplaintRecords {

  private final Map<String, ComplaintState> states = new ConcurrentHashMap<>();
  private final Map<String, List<Map<String, Object>>> histories = new ConcurrentHashMap<>();
  private final Map<String, String> districts = new ConcurrentHashMap<>();

  /** The district of a complaint's filing, as the intake records it with the channel's request. */
  public void recordDistrict(String number, String district) {
    districts.put(number, district);
  }

  @Override
  public void insert(ComplaintState state) {
    if (states.putIfAbsent(state.number(), state) != null) {
      throw new IllegalStateException("complaint " + state.number() + " is recorded already");
    }
  }

  @Override
  public Optional<ComplaintState> find(String number) {
    return Optional.ofNullable(states.get(number));
  }

  @Override
  public Optional<String> districtOf(String number) {
    return Optional.ofNullable(districts.get(number));
  }

  @Override
  public Optional<ComplaintState> findForUpdate(String number) {
    return find(number);
  }

  @Override
  public void update(ComplaintState state) {
    if (states.replace(state.number(), state) == null) {
      throw new IllegalStateException("no recorded state for complaint " + state.number());
    }
  }

  @Override
  public void forgetWrittenTexts(String number) {
    states.computeIfPresent(number, (n, state) -> state.withoutWrittenTexts());
  }

  @Override
  public void append(String number, Map<String, Object> entry) {
    histories.computeIfAbsent(number, n -> new ArrayList<>()).add(new LinkedHashMap<>(entry));
  }

  @Override
  public List<Map<String, Object>> history(String number) {
    return List.copyOf(histories.getOrDefault(number, List.of()));
  }

  /** The recorded state of a complaint that must exist. */
  public ComplaintState state(String number) {
    return find(number).orElseThrow(() -> new AssertionError("no recorded state for " + number));
  }

  @Override
  public List<String> openOfCategorySince(String category, String issueType, java.time.Instant since,
      String exceptNumber, int limit) {
    var open = java.util.Set.of(ua.dnipro.contactcenter.complaint.ComplaintStatus.REGISTERED,
        ua.dnipro.contactcenter.complaint.ComplaintStatus.IN_PROGRESS,
        ua.dnipro.contactcenter.complaint.ComplaintStatus.AWAITING_RECLASSIFICATION);
    return states.values().stream()
        .filter(state -> state.category().equals(category) && !state.receivedAt().isBefore(since)
            && (issueType == null || state.issueType().equals(issueType))
            && !state.number().equals(exceptNumber) && open.contains(state.status()))
        .sorted(java.util.Comparator.comparing(ComplaintState::receivedAt).reversed())
        .limit(limit).map(ComplaintState::number).toList();
  }
}
