package ua.dnipro.contactcenter.photos;

import java.time.Instant;

/** A photo of a complaint, without its bytes. */
public record Photo(String id, String complaintNumber, Kind kind, String mediaType, int sizeBytes, Instant uploadedAt,
    String uploadedBy) {

  /** Whose photo: the citizen's (through the filing channel) or the executors' proof of finished work. */
  public enum Kind {
    CITIZEN,
    WORK
  }
}
