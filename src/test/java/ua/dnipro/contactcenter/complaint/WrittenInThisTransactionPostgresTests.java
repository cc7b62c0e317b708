package ua.dnipro.contactcenter.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ua.dnipro.contactcenter.complaint.IntakeRecords.IntakeRecord;
import ua.dnipro.contactcenter.duplicates.DefectRecords;
import ua.dnipro.contactcenter.duplicates.DefectRecords.LikelyDuplicate;
import ua.dnipro.contactcenter.personaldata.PersonalData;
import ua.dnipro.contactcenter.personaldata.PersonalDataStore;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/**
 * What the records remember of a transaction's writes is what the database holds once it commits:
 * each record read inside the transaction (from memory) equals the same read after it (from
 * PostgreSQL), through every kind of write the records make.
 */
class WrittenInThisTransactionPostgresTests extends PostgresApplicationTest {

  @Autowired ComplaintRecords records;
  @Autowired IntakeRecords intake;
  @Autowired PersonalDataStore personalData;
  @Autowired DefectRecords defects;
  @Autowired PlatformTransactionManager transactions;

  record Read(ComplaintState state, List<Map<String, Object>> history, IntakeRecord intake, PersonalData applicant,
      List<LikelyDuplicate> likely) {
  }

  @Test
  void whatATransactionRemembersIsWhatTheDatabaseHoldsAfterItsCommit() {
    String number = "2019-900001";
    Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Read inside = new TransactionTemplate(transactions).execute(status -> {
      personalData.insert(PersonalData.filed(number, "Олена", "Коваленко", null, "+380671112233", null,
          "вул. Січеславська Набережна, 5", "Тече труба", "вул. Робоча, 7", 48.4593, 35.0183));
      ComplaintState registered = ComplaintState.registered(number, "VIBER", "WATER", "PIPE_BURST", received,
          received.plus(Duration.ofDays(15)));
      records.insert(registered);
      records.append(number, Map.of("event", "REGISTERED", "at", received.toString(), "status", "REGISTERED"));
      ComplaintState routed = records.findForUpdate(number).orElseThrow()
          .routed("water-utility", "EMERGENCY", received.plus(Duration.ofHours(6)), received.plus(Duration.ofDays(15)));
      records.update(routed);
      records.append(number, Map.of("event", "ROUTED", "at", received.toString(), "department", "water-utility"));
      records.update(records.findForUpdate(number).orElseThrow()
          .resolved(received.plus(Duration.ofHours(2)), "Трубу замінено", received.plus(Duration.ofDays(14))));
      records.forgetWrittenTexts(number);
      intake.insert(new IntakeRecord(number, "VIBER", received, "no-process", null,
          "0123456789abcdef".repeat(4), "SOBORNYI"), null); // a request's SHA-256, as the column holds it
      defects.recordLikely(number, List.of(new LikelyDuplicate("2019-900003", null, true),
          new LikelyDuplicate("2019-900002", 40, false)));
      return read(number);
    });

    assertThat(inside.state().resolution()).as("forgotten").isNull();
    assertThat(inside.state().status()).isEqualTo(ComplaintStatus.RESOLVED);
    assertThat(inside.likely()).extracting(LikelyDuplicate::number).containsExactly("2019-900002", "2019-900003");
    assertThat(read(number)).as("read again from the database").isEqualTo(inside);
  }

  @Test
  void anAnonymisedApplicantIsReadFromTheDatabaseAgain() {
    String number = "2019-900011";
    PersonalData anonymised = new TransactionTemplate(transactions).execute(status -> {
      personalData.insert(PersonalData.filed(number, "Петро", "Шевченко", null, "+380671112244", null,
          "вул. Робоча, 9", "Немає світла", "вул. Робоча, 9", null, null));
      personalData.anonymise(number, Instant.now());
      return personalData.find(number).orElseThrow();
    });
    assertThat(anonymised.anonymised()).isTrue();
    assertThat(anonymised.phone()).isNull();
  }

  private Read read(String number) {
    return new Read(records.find(number).orElseThrow(), records.history(number), intake.byNumber(number).orElseThrow(),
        personalData.find(number).orElseThrow(), defects.likelyOf(number));
  }
}
