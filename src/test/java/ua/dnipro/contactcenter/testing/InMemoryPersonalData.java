package ua.dnipro.contactcenter.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ua.dnipro.contactcenter.personaldata.PersonalData;
import ua.dnipro.contactcenter.personaldata.PersonalDataReads;
import ua.dnipro.contactcenter.personaldata.PersonalDataStore;
import ua.dnipro.contactcenter.personaldata.PersonalDataVault;

/**
 * The personal-data store in memory, for the engine-level model tests (their engine resolves
 * personal-data references through {@link #vault()}, see engine-tests.cfg.xml).
 */
public final class InMemoryPersonalData implements PersonalDataStore {

  private static final InMemoryPersonalData SHARED = new InMemoryPersonalData();
  private static final PersonalDataVault VAULT = new PersonalDataVault(SHARED, new PersonalDataReads(null, java.time.Duration.ofHours(1)));

  private final Map<String, PersonalData> data = new ConcurrentHashMap<>();

  public static InMemoryPersonalData shared() {
    return SHARED;
  }

  public static PersonalDataVault vault() {
    return VAULT;
  }

  /** The applicant of the fixtures, for a complaint number. */
  public static void keepFixtureApplicant(String number) {
    SHARED.insert(ComplaintFixtures.personalData(number));
  }

  @Override
  public void insert(PersonalData personalData) {
    data.put(personalData.complaintNumber(), personalData);
  }

  @Override
  public List<String> withPhone(String phone, String exceptComplaintNumber) {
    return data.values().stream().filter(d -> phone.equals(d.phone()) && !d.complaintNumber().equals(exceptComplaintNumber)
        && !d.anonymised()).map(PersonalData::complaintNumber).sorted().toList();
  }

  @Override
  public Optional<PersonalData> find(String complaintNumber) {
    return Optional.ofNullable(data.get(complaintNumber));
  }

  @Override
  public List<String> closedBefore(Instant moment, int limit) {
    return List.of();
  }

  @Override
  public boolean anonymise(String complaintNumber, Instant at) {
    PersonalData before = data.get(complaintNumber);
    if (before == null || before.anonymised()) {
      return false;
    }
    data.put(complaintNumber, new PersonalData(complaintNumber, null, null, null, null, null, null, null, null, null,
        null, at));
    return true;
  }
}
