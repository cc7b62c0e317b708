package ua.dnipro.contactcenter.personaldata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the personal data is kept (cc_personal_data). Only {@link PersonalDataVault} uses it. */
public interface PersonalDataStore {

  void insert(PersonalData data);

  Optional<PersonalData> find(String complaintNumber);

  /** The other complaints, not anonymised, whose applicant gave this phone. */
  List<String> withPhone(String phone, String exceptComplaintNumber);

  /**
   * Complaints closed before the moment (resolved and past their re-opening window, confirmed, a
   * re-opening refused, forwarded or left unconsidered), not yet anonymised.
   */
  List<String> closedBefore(Instant moment, int limit);

  /** Clears every personal field of the complaint; true if it was not anonymised before. */
  boolean anonymise(String complaintNumber, Instant at);

  /**
   * Where the problems of these complaints are (those it has, not anonymised), in one look: the
   * other fields are left empty.
   */
  default List<PersonalData> placesOf(java.util.Collection<String> complaintNumbers) {
    return findAll(complaintNumbers).stream().filter(data -> !data.anonymised()).toList();
  }

  /** The data of these complaints (those it has), in one look. */
  default List<PersonalData> findAll(java.util.Collection<String> complaintNumbers) {
    return complaintNumbers.stream().map(this::find).flatMap(Optional::stream).toList();
  }
}
