package ua.dnipro.contactcenter.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ua.dnipro.contactcenter.duplicates.DefectRecords;

/** Likely duplicates and merges in memory, for engine-level tests without the application's database. */
public final class InMemoryDefectRecords implements DefectRecords {

  private final Map<String, List<LikelyDuplicate>> likely = new ConcurrentHashMap<>();
  private final Map<String, String> parents = new ConcurrentHashMap<>();

  @Override
  public void recordLikely(String number, List<LikelyDuplicate> found) {
    likely.put(number, List.copyOf(found));
  }

  @Override
  public List<LikelyDuplicate> likelyOf(String number) {
    return likely.getOrDefault(number, List.of()).stream()
        .sorted(Comparator.comparing(LikelyDuplicate::distanceMetres, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  @Override
  public void merge(String child, String parent, Instant at, String by) {
    if (parents.putIfAbsent(child, parent) != null) {
      throw new IllegalStateException(child + " is merged already");
    }
  }

  @Override
  public Optional<String> parentOf(String child) {
    return Optional.ofNullable(parents.get(child));
  }

  @Override
  public List<String> childrenOf(String parent) {
    return parents.entrySet().stream().filter(entry -> entry.getValue().equals(parent)).map(Map.Entry::getKey).sorted()
        .toList();
  }

  @Override
  public void unmerge(String child) {
    parents.remove(child);
  }
}
