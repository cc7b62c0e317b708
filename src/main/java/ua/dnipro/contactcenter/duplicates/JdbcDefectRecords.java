package ua.dnipro.contactcenter.duplicates;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ua.dnipro.contactcenter.complaint.WrittenInThisTransaction;

/** Likely duplicates and merges in {@code cc_likely_duplicate} and {@code cc_defect_merge}. */
@Repository
class JdbcDefectRecords implements DefectRecords {

  private final JdbcTemplate jdbc;

  /** What this transaction recorded: the answer to a filing shows it. */
  private final WrittenInThisTransaction<String, List<LikelyDuplicate>> recorded = new WrittenInThisTransaction<>();

  JdbcDefectRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void recordLikely(String number, List<LikelyDuplicate> found) {
    if (!found.isEmpty()) {
      jdbc.batchUpdate("""
          INSERT INTO cc_likely_duplicate (complaint_number, duplicate_of, distance_m, same_address) VALUES (?, ?, ?, ?)""",
          found.stream().map(likely -> new Object[] {number, likely.number(), likely.distanceMetres(), likely.sameAddress()})
              .toList());
    }
    // in the order of likelyOf's query: the nearest first, those without a distance last
    recorded.remember(number, found.stream().sorted(Comparator.comparing(LikelyDuplicate::distanceMetres,
        Comparator.nullsLast(Comparator.<Integer>naturalOrder())).thenComparing(LikelyDuplicate::number)).toList());
  }

  @Override
  public List<LikelyDuplicate> likelyOf(String number) {
    Optional<List<LikelyDuplicate>> justRecorded = recorded.recall(number);
    if (justRecorded.isPresent()) {
      return justRecorded.get();
    }
    return jdbc.query("""
        SELECT duplicate_of, distance_m, same_address FROM cc_likely_duplicate WHERE complaint_number = ?
        ORDER BY distance_m NULLS LAST, duplicate_of""",
        (rs, i) -> new LikelyDuplicate(rs.getString(1), (Integer) rs.getObject(2), rs.getBoolean(3)), number);
  }

  @Override
  public void merge(String child, String parent, Instant at, String by) {
    jdbc.update("INSERT INTO cc_defect_merge (complaint_number, merged_into, merged_at, merged_by) VALUES (?, ?, ?, ?)",
        child, parent, Timestamp.from(at), by);
  }

  @Override
  public Optional<String> parentOf(String child) {
    return jdbc.queryForList("SELECT merged_into FROM cc_defect_merge WHERE complaint_number = ?", String.class, child)
        .stream().findFirst();
  }

  @Override
  public List<String> childrenOf(String parent) {
    return jdbc.queryForList("SELECT complaint_number FROM cc_defect_merge WHERE merged_into = ? ORDER BY complaint_number",
        String.class, parent);
  }

  @Override
  public void unmerge(String child) {
    jdbc.update("DELETE FROM cc_defect_merge WHERE complaint_number = ?", child);
  }
}
