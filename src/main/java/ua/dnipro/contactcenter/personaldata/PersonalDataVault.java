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

  /**
   * Where a complaint's problem is, for the application's own matching of reports of one defect
   * (not shown to anybody, so not logged as a read): its coordinates, if the channel sent them, and
   * its address made comparable. None once anonymised.
   */
  public Optional<Place> placeOf(String complaintNumber) {
    return store.find(complaintNumber).filter(data -> !data.anonymised())
        .map(data -> new Place(data.latitude(), data.longitude(),
            data.locationAddress() == null ? null : sameAddress(data.locationAddress())));
  }

  /** The places of these complaints (those not anonymised), by number, in one look. */
  public java.util.Map<String, Place> placesOf(java.util.Collection<String> complaintNumbers) {
    java.util.Map<String, Place> places = new java.util.HashMap<>();
    for (PersonalData data : store.placesOf(complaintNumbers)) {
      if (!data.anonymised()) {
        places.put(data.complaintNumber(), new Place(data.latitude(), data.longitude(),
            data.locationAddress() == null ? null : sameAddress(data.locationAddress())));
      }
    }
    return places;
  }

  /** A problem's place: WGS 84 degrees (either may be missing) and the address made comparable. */
  public record Place(Double latitude, Double longitude, String comparableAddress) {

    /** Metres between two places with coordinates (haversine), or null if either lacks them. */
    public Integer metresTo(Place other) {
      if (latitude == null || longitude == null || other.latitude == null || other.longitude == null) {
        return null;
      }
      double earthRadius = 6_371_000;
      double dLat = Math.toRadians(other.latitude - latitude);
      double dLon = Math.toRadians(other.longitude - longitude);
      double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
          * Math.cos(Math.toRadians(other.latitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
      return (int) Math.round(2 * earthRadius * Math.asin(Math.sqrt(a)));
    }
  }

  /** An address as written, made comparable: lower case, only letters and digits, single spaces. */
  static String sameAddress(String address) {
    return address.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  /** Something else of the complaint's personal data (its photos) shown to {@code reader} by the current request: logged. */
  public void logRead(String reader, String complaintNumber) {
    reads.logForCurrentRequest(reader, complaintNumber);
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
