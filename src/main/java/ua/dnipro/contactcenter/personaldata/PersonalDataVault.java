package ua.dnipro.contactcenter.personaldata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The one owner of applicants' personal data: keeps it when a complaint is filed, gives it to the
 * application's own steps, shows it to people only with an entry in the access log, and forgets it
 * when its time has come ({@link PersonalDataRetention}). The engine holds references to it
 * ({@link PersonalDataReference}), resolved here each time someone reads them.
 */
@Service
public class PersonalDataVault implements PersonalDataSerializer.Resolver {

  private final PersonalDataStore store;
  private final PersonalDataReads reads;

  public PersonalDataVault(PersonalDataStore store, PersonalDataReads reads) {
    this.store = store;
    this.reads = reads;
  }

  public void keep(PersonalData data) {
    store.insert(data);
  }

  /** For the application's own steps (a notification's recipient, the map cell at registration): not logged. */
  public Optional<PersonalData> forApplication(String complaintNumber) {
    return store.find(complaintNumber);
  }

  /**
   * The earlier complaints of the same applicant (the same phone) about the same place (the same
   * location address, written alike: case, spaces and punctuation aside), for the application's
   * own check of repeated appeals: not logged, and only complaint numbers leave the vault.
   */
  public List<String> earlierAtTheSamePlace(String complaintNumber) {
    Optional<PersonalData> filed = store.find(complaintNumber);
    if (filed.isEmpty() || filed.get().phone() == null || filed.get().locationAddress() == null) {
      return List.of();
    }
    String place = sameAddress(filed.get().locationAddress());
    return store.withPhone(filed.get().phone(), complaintNumber).stream()
        .filter(other -> store.find(other).map(PersonalData::locationAddress).map(PersonalDataVault::sameAddress)
            .filter(place::equals).isPresent())
        .toList();
  }

  /** An address as written, made comparable: lower case, only letters and digits, single spaces. */
  static String sameAddress(String address) {
    return address.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  /** Shown to {@code reader} in the answer to the current request: logged. */
  public Optional<PersonalData> shownTo(String reader, String complaintNumber) {
    Optional<PersonalData> data = store.find(complaintNumber);
    data.ifPresent(found -> reads.logForCurrentRequest(reader, complaintNumber));
    return data;
  }

  /** What an engine variable refers to, read by whoever the engine's caller is (logged if that is a request). */
  @Override
  public String resolve(PersonalDataReference reference, String reader) {
    Optional<PersonalData> data = store.find(reference.complaintNumber());
    if (data.isEmpty() || data.get().anonymised()) {
      return null;
    }
    reads.logForCurrentRequest(reader, reference.complaintNumber());
    return reference.field().of(data.get());
  }

  boolean anonymise(String complaintNumber, Instant at) {
    return store.anonymise(complaintNumber, at);
  }
}
