package ua.dnipro.contactcenter.personaldata;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.complaint.CitizenNotification;

/**
 * Forgets personal data on time. A complaint closed (resolved, its re-opening window over) longer
 * than the retention ago loses, in one transaction: the applicant's contact details, the
 * description, the free-text addresses and the exact point (the vault's row keeps only the number
 * and when it was anonymised); the free texts people wrote about it (the resolution, reasons and
 * notes) in the application's records and the engine's history; and the resolution in any of its
 * notifications still waiting for delivery. Statistics, the status history's codes and times and
 * the engine's audit trail (who did what, when, with which outcome) stay. Idempotent: every node
 * may run it.
 */
@Service
public class PersonalDataRetention {

  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataRetention.class);
  static final int BATCH = 200;
  /** What people wrote about a complaint, as engine variables; codes such as the outcome stay. */
  static final List<String> FREE_TEXTS = List.of(ComplaintProcess.Variables.RESOLUTION,
      ComplaintProcess.Variables.RETURN_REASON, ComplaintProcess.Variables.REOPENING_REASON,
      ComplaintProcess.Variables.ESCALATION_NOTE, ComplaintProcess.Variables.CONTROL_NOTE,
      ComplaintProcess.Variables.EMERGENCY_NOTE,
      ComplaintProcess.Variables.RATING_COMMENT, ComplaintProcess.Variables.EXTENSION_REASON,
      ComplaintProcess.Variables.EXTENSION_NOTE, ComplaintProcess.Variables.REPEAT_REASON,
      ComplaintProcess.Variables.FORWARD_TO_OTHER);

  private final PersonalDataStore store;
  private final PersonalDataReads reads;
  private final ComplaintRecords records;
  private final JdbcTemplate jdbc;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;
  private final ContactCenterProperties properties;

  PersonalDataRetention(PersonalDataStore store, PersonalDataReads reads, ComplaintRecords records, JdbcTemplate jdbc,
      HistoryService historyService, RuntimeService runtimeService, TransactionTemplate transaction,
      ContactCenterProperties properties) {
    this.store = store;
    this.reads = reads;
    this.records = records;
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
    this.properties = properties;
  }

  @Scheduled(cron = "${contact-center.personal-data.cleanup-cron}", zone = "${contact-center.time-zone}")
  void nightly() {
    forgetDue(EngineClock.now());
  }

  /** Anonymises every complaint due at {@code now}; the number anonymised. */
  public int forgetDue(Instant now) {
    Instant closedBefore = properties.personalData().retention()
        .subtractFrom(now, properties.timeZone());
    int anonymised = 0;
    List<String> due;
    do {
      due = store.closedBefore(closedBefore, BATCH);
      for (String number : due) {
        if (Boolean.TRUE.equals(transaction.execute(status -> anonymise(number, now)))) {
          anonymised++;
        }
      }
    } while (due.size() == BATCH);
    int forgottenReads = reads.forgetBefore(properties.personalData().readsRetention()
        .subtractFrom(now, properties.timeZone()));
    if (anonymised > 0 || forgottenReads > 0) {
      LOG.info("Anonymised {} closed complaints; forgot {} entries of the personal-data access log", anonymised,
          forgottenReads);
    }
    return anonymised;
  }

  private boolean anonymise(String number, Instant now) {
    if (!store.anonymise(number, now)) {
      return false;
    }
    // the resolution (or a head's reason for leaving it unconsidered) and a forwarding body written by hand
    records.forgetWrittenTexts(number);
    // the citizen's photos and those of the finished work (which may show people and their homes)
    jdbc.update("DELETE FROM cc_photo WHERE complaint_number = ?", number);
    // the words a dispatcher published for the public: reviewed, but words about the complaint all the same
    jdbc.update("DELETE FROM cc_public_description WHERE complaint_number = ?", number);
    for (String processInstanceId : jdbc.queryForList(
        "SELECT process_instance_id FROM cc_complaint WHERE complaint_number = ?", String.class, number)) {
      forgetFreeTexts(processInstanceId);
      // and of the processes it called: the watch over an emergency keeps what the duty staff wrote
      for (var called : historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(processInstanceId)
          .list()) {
        forgetFreeTexts(called.getId());
      }
    }
    for (ProcessInstance notification : runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CitizenNotification.KEY).processInstanceBusinessKey(number).list()) {
      runtimeService.removeVariable(notification.getId(), CitizenNotification.Payload.RESOLUTION);
      runtimeService.removeVariable(notification.getId(), CitizenNotification.Payload.FORWARDED_TO);
    }
    return true;
  }

  private void forgetFreeTexts(String processInstanceId) {
    for (HistoricVariableInstance text : historyService.createHistoricVariableInstanceQuery()
        // also those the process removed once used: their history keeps the text
        .processInstanceId(processInstanceId).variableNameIn(FREE_TEXTS.toArray(String[]::new)).includeDeleted().list()) {
      historyService.deleteHistoricVariableInstance(text.getId());
    }
  }
}
