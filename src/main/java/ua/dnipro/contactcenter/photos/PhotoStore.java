package ua.dnipro.contactcenter.photos;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Photos and their bytes in {@code cc_photo}: as uploaded, and without location and device metadata. */
@Repository
class PhotoStore {

  private static final RowMapper<Photo> PHOTO = (rs, i) -> new Photo(rs.getString("id"),
      rs.getString("complaint_number"), Photo.Kind.valueOf(rs.getString("kind")), rs.getString("media_type"),
      rs.getInt("size_bytes"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));

  private final JdbcTemplate jdbc;

  PhotoStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a photo as the {@code seqInKind}-th of its complaint and kind (the order shown to people). */
  void insert(Photo photo, int seqInKind, byte[] original, byte[] shared) {
    jdbc.update("""
        INSERT INTO cc_photo (id, complaint_number, kind, seq_in_kind, media_type, size_bytes, uploaded_at, uploaded_by,
                              original, shared)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", photo.id(), photo.complaintNumber(), photo.kind().name(), seqInKind,
        photo.mediaType(), photo.sizeBytes(), Timestamp.from(photo.uploadedAt()), photo.uploadedBy(), original, shared);
  }

  /** The complaint's photos, the citizen's first, each kind in the order uploaded. */
  List<Photo> of(String complaintNumber) {
    return jdbc.query("""
        SELECT id, complaint_number, kind, media_type, size_bytes, uploaded_at, uploaded_by FROM cc_photo
        WHERE complaint_number = ? ORDER BY kind, seq_in_kind, uploaded_at, id""", PHOTO, complaintNumber);
  }

  Optional<Photo> find(String id) {
    return jdbc.query("""
        SELECT id, complaint_number, kind, media_type, size_bytes, uploaded_at, uploaded_by FROM cc_photo
        WHERE id = ?""", PHOTO, id).stream().findFirst();
  }

  /** The bytes as uploaded ({@code original}) or without metadata ({@code shared}). */
  byte[] bytes(String id, boolean original) {
    return jdbc.queryForObject("SELECT " + (original ? "original" : "shared") + " FROM cc_photo WHERE id = ?",
        (rs, i) -> rs.getBytes(1), id);
  }

  int count(String complaintNumber, Photo.Kind kind) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cc_photo WHERE complaint_number = ? AND kind = ?", Integer.class,
        complaintNumber, kind.name());
  }
}
