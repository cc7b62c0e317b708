package ua.dnipro.contactcenter.opendata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ua.dnipro.contactcenter.statistics.PublicCells;

/**
 * The city's record of complaints as open data: one row per complaint from the statistics' own
 * facts (codes, times to the hour and the map's cell of about a kilometre where it holds enough
 * complaints, see PublicCells; never a name, phone, address or anything people wrote), read with a
 * cursor so that any period streams in constant memory.
 */
@Repository
class OpenData {

  /** The columns, in order (documented one by one in the docs/statistics.md, "Open data"). */
  static final String[] COLUMNS = {"number", "received_at", "category", "issue_type", "department", "sla_tier",
      "due_at", "resolved_at", "resolved_on_time", "status", "district", "channel", "cell_lat", "cell_lon"};

  private final JdbcTemplate cursor;
  private final PublicCells cells;

  OpenData(DataSource dataSource, PublicCells cells) {
    this.cursor = new JdbcTemplate(dataSource);
    this.cursor.setFetchSize(1000);
    this.cells = cells;
  }

  /** Each complaint received on the days [from, to] (in Kyiv), oldest first, as its row of {@link #COLUMNS}. */
  void complaints(LocalDate from, LocalDate to, Consumer<Map<String, Object>> row) {
    cursor.query("""
        SELECT complaint_number, received_at, category, issue_type, department, sla_tier, due_at, resolved_at,
               resolved_on_time, forwarded, left_unconsidered, merged_into, district, channel, cell_lat, cell_lon
        FROM cc_complaint_fact WHERE received_day >= ? AND received_day <= ?
        ORDER BY received_at, complaint_number""", rs -> {
          Map<String, Object> values = new LinkedHashMap<>();
          values.put("number", rs.getString("complaint_number"));
          values.put("received_at", hour(rs, "received_at"));
          values.put("category", rs.getString("category"));
          values.put("issue_type", rs.getString("issue_type"));
          values.put("department", rs.getString("department"));
          values.put("sla_tier", rs.getString("sla_tier"));
          values.put("due_at", hour(rs, "due_at"));
          values.put("resolved_at", hour(rs, "resolved_at"));
          boolean onTime = rs.getBoolean("resolved_on_time");
          values.put("resolved_on_time", rs.wasNull() ? null : onTime);
          values.put("status", status(rs));
          values.put("district", rs.getString("district"));
          values.put("channel", rs.getString("channel"));
          Double lat = number(rs, "cell_lat");
          Double lon = number(rs, "cell_lon");
          boolean place = cells.mayShow(lat, lon);
          values.put("cell_lat", place ? lat : null);
          values.put("cell_lon", place ? lon : null);
          row.accept(values);
        }, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to));
  }

  /** Where the complaint stands, in the export's words. */
  private static String status(ResultSet rs) throws SQLException {
    if (rs.getString("merged_into") != null) {
      return "merged";
    }
    if (rs.getBoolean("forwarded")) {
      return "forwarded";
    }
    if (rs.getBoolean("left_unconsidered")) {
      return "left_unconsidered";
    }
    if (rs.getTimestamp("resolved_at") != null) {
      return "resolved";
    }
    return rs.getString("department") == null ? "registered" : "in_progress";
  }

  /** A moment to the hour (PublicCells: a row must not point at the caller by the minute of the call). */
  private static String hour(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : PublicCells.toTheHour(timestamp.toInstant()).toString();
  }

  private static Double number(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
