package ua.dnipro.contactcenter.complaint;

import ua.dnipro.contactcenter.config.CalendarDuration;
import ua.dnipro.contactcenter.upgrade.RunningInstancesMigration;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import ua.dnipro.contactcenter.operations.OperationsMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Elements.*;
import static ua.dnipro.contactcenter.complaint.DepartmentWork.Elements.TASK_RESOLVE;
import static ua.dnipro.contactcenter.complaint.ComplaintProcess.Variables.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.duplicates.CheckMerge;
import ua.dnipro.contactcenter.duplicates.FollowParentResolution;
import ua.dnipro.contactcenter.duplicates.LikelyDuplicates;
import ua.dnipro.contactcenter.duplicates.MergeIntoParent;
import ua.dnipro.contactcenter.duplicates.MergedDuplicates;
import ua.dnipro.contactcenter.duplicates.RecordUnmerge;
import ua.dnipro.contactcenter.emergency.DutyStaffPager;
import ua.dnipro.contactcenter.emergency.EmergencyAlert;
import ua.dnipro.contactcenter.emergency.EmergencyWatch;
import ua.dnipro.contactcenter.emergency.EscalateUntakenEmergency;
import ua.dnipro.contactcenter.emergency.RaiseEmergencyAlert;
import ua.dnipro.contactcenter.escalation.EscalateToControllers;
import ua.dnipro.contactcenter.escalation.MarkComplaintOverdue;
import ua.dnipro.contactcenter.escalation.MarkStatutoryDeadlinePassed;
import ua.dnipro.contactcenter.escalation.MarkStatutoryLimitPassed;
import ua.dnipro.contactcenter.escalation.MarkReclassificationOverdue;
import ua.dnipro.contactcenter.extension.ApplyExtensionDecision;
import ua.dnipro.contactcenter.forwarding.CheckForwarding;
import ua.dnipro.contactcenter.forwarding.RecordForwarding;
import ua.dnipro.contactcenter.extension.CheckExtensionRequest;
import ua.dnipro.contactcenter.extension.RecordExtensionRequest;
import ua.dnipro.contactcenter.inbox.CheckTaskForm;
import ua.dnipro.contactcenter.inbox.LabelTaskForInbox;
import ua.dnipro.contactcenter.intake.RecordRepeatDecision;
import ua.dnipro.contactcenter.intake.RegisterComplaint;
import ua.dnipro.contactcenter.intake.RepeatedAppeals;
import ua.dnipro.contactcenter.channel.Channels;
import ua.dnipro.contactcenter.notification.NotifyCitizen;
import ua.dnipro.contactcenter.notification.RevokeChannelAccess;
import ua.dnipro.contactcenter.resolution.CheckReworkLimit;
import ua.dnipro.contactcenter.resolution.RecordConfirmation;
import ua.dnipro.contactcenter.resolution.RecordReopening;
import ua.dnipro.contactcenter.resolution.RecordReopeningRefused;
import ua.dnipro.contactcenter.resolution.RecordResolution;
import ua.dnipro.contactcenter.resolution.RecordReturn;
import ua.dnipro.contactcenter.inbox.PresentComplaintInInbox;
import ua.dnipro.contactcenter.routing.CheckReclassification;
import ua.dnipro.contactcenter.routing.ClassifierCatalogue;
import ua.dnipro.contactcenter.routing.ClassifyComplaint;
import ua.dnipro.contactcenter.routing.DetermineSlaTerms;
import ua.dnipro.contactcenter.routing.HandOverToDepartment;
import ua.dnipro.contactcenter.routing.HandOverToDispatchers;
import ua.dnipro.contactcenter.routing.RecordReclassification;
import ua.dnipro.contactcenter.testing.ApplicationConfiguration;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.InMemoryClassifierFaults;
import ua.dnipro.contactcenter.testing.InMemoryComplaintRecords;
import ua.dnipro.contactcenter.testing.InMemoryDefectRecords;
import ua.dnipro.contactcenter.testing.InMemoryPersonalData;

/**
 * Every path through processes/ComplaintProcess.bpmn, on the real routing and SLA tables, with the
 * engine's clock moved past deadlines and the due timers executed (never waited for).
 */
@Deployment(resources = {"processes/ComplaintProcess.bpmn", "processes/CitizenNotification.bpmn",
    "processes/EmergencyAlert.bpmn", "processes/forms/TakeEmergencyUnderControlForm.form",
    "processes/forms/GetEmergencyTakenForm.form",
    "processes/forms/ResolveComplaintForm.form", "processes/forms/ReviewOverdueComplaintForm.form",
    "processes/forms/SuperviseOverdueComplaintForm.form", "processes/forms/EnforceStatutoryDeadlineForm.form",
    "processes/forms/HandleStatutoryViolationForm.form", "processes/forms/SuperviseReclassificationForm.form",
    "processes/forms/ReviewReworkForm.form", "processes/forms/DecideExtensionForm.form",
    "processes/forms/DecideRepeatedAppealForm.form",
    "processes/forms/ReclassifyComplaintForm.form", "decisions/ComplaintRouting.dmn", "decisions/SlaTier.dmn"})
class ComplaintProcessTests {

  // not camunda.cfg.xml: Camunda's engine lookup would find that name on the classpath and start a
  // second "default" engine inside the Spring Boot tests
  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("engine-tests.cfg.xml").build();

  static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
  /** A July morning: outside the heating season, no daylight-saving change within a month. */
  static final Instant RECEIVED = ZonedDateTime.of(2026, 7, 1, 9, 0, 0, 0, KYIV).toInstant();

  int complaints;
  static InMemoryComplaintRecords records;
  static InMemoryClassifierFaults faults;
  static InMemoryDefectRecords defects;
  static io.micrometer.core.instrument.simple.SimpleMeterRegistry meters;

  @BeforeEach
  void registerDelegatesAndStartTheClock() {
    // other engines may live in this JVM (the Spring Boot tests'): assertions use this one
    BpmnAwareTests.init(engine.getProcessEngine());
    ContactCenterProperties city = ApplicationConfiguration.contactCenter();
    // every department's copy of processes/DepartmentWork.bpmn, as the application deploys them
    DepartmentWork.deploy(engine.getRepositoryService(), city.departments());
    EmergencyWatch.deploy(engine.getRepositoryService(), city.departments());
    records = new InMemoryComplaintRecords();
    defects = new InMemoryDefectRecords();
    meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    OperationsMetrics metrics = new OperationsMetrics(meters);
    StatusHistory history = new StatusHistory(records, List.of(new NotifyCitizen(new Channels(city), city,
        ShippedProcesses.latestEveryTime()), new MergedDuplicates(defects, records)));
    LikelyDuplicates likelyDuplicates = new LikelyDuplicates(records, InMemoryPersonalData.vault(), defects, city);
    Mocks.register("registerComplaint", new RegisterComplaint(city, history, InMemoryPersonalData.vault(),
        new RepeatedAppeals(InMemoryPersonalData.vault(), records, city), likelyDuplicates));
    Mocks.register("checkMerge", new CheckMerge(records, defects));
    Mocks.register("mergeIntoParent", new MergeIntoParent(defects, records, history));
    Mocks.register("followParentResolution", new FollowParentResolution(defects, records, history, city));
    Mocks.register("recordUnmerge", new RecordUnmerge(defects, history));
    Mocks.register("recordRepeatDecision", new RecordRepeatDecision(history));
    Mocks.register("handOverToDepartment", new HandOverToDepartment(city, history));
    DutyStaffPager pager = new DutyStaffPager(city, ShippedProcesses.latestEveryTime(), records);
    Mocks.register("raiseEmergencyAlert", new RaiseEmergencyAlert(city, history, pager));
    Mocks.register("escalateUntakenEmergency", new EscalateUntakenEmergency(history, pager, metrics));
    Mocks.register("handOverToDispatchers", new HandOverToDispatchers(city, history));
    ClassifierCatalogue classifier = new ClassifierCatalogue(engine.getRepositoryService(), engine.getDecisionService(), city);
    Mocks.register("checkReclassification", new CheckReclassification(classifier));
    Mocks.register("presentComplaintInInbox", new PresentComplaintInInbox(city, classifier, likelyDuplicates, records,
        InMemoryPersonalData.vault()));
    // the photos are the application's (PhotosApiTests); the engine's tests show none
    Mocks.register("showPhotosOnTask", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    Mocks.register("recordReclassification", new RecordReclassification(history));
    Mocks.register("labelTaskForInbox", new LabelTaskForInbox());
    Mocks.register("recordResolution", new RecordResolution(city, history));
    Mocks.register("recordReturn", new RecordReturn(history));
    Mocks.register("recordReopening", new RecordReopening(history));
    Mocks.register("markComplaintOverdue", new MarkComplaintOverdue(history, metrics));
    Mocks.register("escalateToControllers", new EscalateToControllers(history, metrics));
    Mocks.register("markStatutoryDeadlinePassed", new MarkStatutoryDeadlinePassed(city, history, metrics));
    Mocks.register("markStatutoryLimitPassed", new MarkStatutoryLimitPassed(history, metrics));
    Mocks.register("markReclassificationOverdue", new MarkReclassificationOverdue(history, metrics));
    Mocks.register("checkReworkLimit", new CheckReworkLimit(city, history));
    Mocks.register("recordConfirmation", new RecordConfirmation(history));
    Mocks.register("recordReopeningRefused", new RecordReopeningRefused(history));
    Mocks.register("checkExtensionRequest", new CheckExtensionRequest(records, city));
    Mocks.register("recordExtensionRequest", new RecordExtensionRequest(history));
    Mocks.register("applyExtensionDecision", new ApplyExtensionDecision(history, city));
    Mocks.register("checkForwarding", new CheckForwarding(records, city));
    Mocks.register("recordForwarding", new RecordForwarding(city, history));
    Mocks.register("revokeChannelAccess", new RevokeChannelAccess());
    Mocks.register("checkTaskForm", new CheckTaskForm());
    Mocks.register("departmentWorkVariables", new DepartmentWorkVariables());
    faults = new InMemoryClassifierFaults();
    Mocks.register("classifyComplaint", new ClassifyComplaint(city, faults, history));
    Mocks.register("determineSlaTerms", new DetermineSlaTerms(faults, history));
    moveClockTo(RECEIVED);
  }

  @AfterEach
  void resetClockAndMocks() {
    BpmnAwareTests.reset();
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void emergencyGoesToTheDepartmentWithSixHoursAndIsResolved() {
    ProcessInstance complaint = file("WATER", "NO_WATER");

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT).hasPassed(TASK_REGISTER, TASK_CLASSIFY, TASK_DETERMINE_SLA_TERMS);
    Task task = taskOf(complaint, TASK_RESOLVE);
    assertThat(candidateGroupsOf(task)).containsExactly("water-utility");
    assertThat(task.getDueDate()).isEqualTo(Date.from(RECEIVED.plus(Duration.ofHours(6))));
    assertThat(task.getPriority()).isEqualTo(90);
    assertThat(task.getFollowUpDate()).as("reminder 2 h before the deadline").isEqualTo(Date.from(RECEIVED.plus(Duration.ofHours(4))));
    assertThat(task.getName())
        .as("never the address: task names stay in history for years")
        .isEqualTo("Вирішити звернення 2026-000001 · Водопостачання та водовідведення: Немає води");
    assertThat(variable(complaint, SLA_TIER)).isEqualTo("EMERGENCY");
    assertThat(state(complaint).status()).hasToString("IN_PROGRESS");
    assertThat(records.history(complaint.getBusinessKey()).get(1))
        .as("which versions of the tables routed it").containsEntry("event", "ROUTED")
        .containsEntry("routingTableVersion", 1).containsEntry("slaTableVersion", 1);

    moveClockTo(RECEIVED.plus(Duration.ofHours(2)));
    resolve(complaint, "Засувку відкрито, воду подано");

    assertThat(complaint).isWaitingAt(GATEWAY_AWAIT_REOPENING).hasPassed(END_COMPLAINT_DECIDED);
    assertThat(taskQuery().processInstanceBusinessKey(complaint.getBusinessKey()).count()).isZero();
    assertThat(state(complaint).status()).hasToString("RESOLVED");
    assertThat(state(complaint).overdue()).isFalse();
    assertThat(state(complaint).resolvedOnTime()).isTrue();
    assertThat(state(complaint).resolvedBy()).isEqualTo("water-utility");
    assertThat(state(complaint).resolution()).isEqualTo("Засувку відкрито, воду подано");
    assertThat(historicVariable(complaint, RESOLUTION)).isEqualTo("Засувку відкрито, воду подано");
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "EMERGENCY_ALERTED", "RESOLVED");
  }

  @Test
  void anEmergencyAlertsTheDutyDispatchersAndTheHeadsAtOnceWhileTheExecutorsHaveItToo() {
    ProcessInstance complaint = file("WATER", "PIPE_BURST");

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT, CALL_WATCH_EMERGENCY);
    assertThat(watchOf(complaint)).isWaitingAt(EmergencyWatch.Elements.TASK_TAKE_UNDER_CONTROL,
        EmergencyWatch.Elements.CATCH_TAKING_TIME_UP).hasPassed(EmergencyWatch.Elements.TASK_RAISE_ALERT);
    assertThat(candidateGroupsOf(taskOf(complaint, TASK_RESOLVE))).containsExactly("water-utility");
    Task alert = taskOf(complaint, EmergencyWatch.Elements.TASK_TAKE_UNDER_CONTROL);
    assertThat(candidateGroupsOf(alert)).containsExactlyInAnyOrder("duty-dispatchers", "water-utility-heads");
    assertThat(alert.getPriority()).as("above every executor's task").isEqualTo(100);
    assertThat(alert.getDueDate()).as("the claim period").isEqualTo(Date.from(RECEIVED.plus(Duration.ofMinutes(30))));
    assertThat(alert.getName()).startsWith("Аварія: взяти під контроль 2026-000001");
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "EMERGENCY_ALERTED");

    List<Map<String, Object>> pages = alertsOf(complaint);
    assertThat(pages).hasSize(1);
    assertThat(pages.get(0)).containsEntry(EmergencyAlert.Payload.EVENT, "EMERGENCY_ALERTED")
        .containsEntry(EmergencyAlert.Payload.COMPLAINT_NUMBER, "2026-000001")
        .containsEntry(EmergencyAlert.Payload.TAKE_BY, Date.from(RECEIVED.plus(Duration.ofMinutes(30))))
        .containsEntry(EmergencyAlert.Payload.RECIPIENT_GROUPS, "duty-dispatchers,water-utility-heads")
        .containsEntry(EmergencyAlert.Payload.MESSAGE, "Аварія 2026-000001 · Водопостачання та водовідведення: "
            + "Порив труби, підтоплення · Чечелівський · КП «Дніпроводоканал». Взяти в роботу до 09:30, виконати до 15:00.");
    assertThat(pages.get(0).values().stream().map(String::valueOf))
        .as("an SMS never carries the applicant").noneMatch(value -> value.contains("Коваленко")
            || value.contains("380671234567") || value.contains("Січеславська"));
    assertThat(engine.getExternalTaskService().createExternalTaskQuery().topicName("emergency-alert")
        .processInstanceId(pagesOf(complaint).get(0)).count()).isEqualTo(1);

    taskService().complete(alert.getId(), Map.of(EMERGENCY_NOTE, "Бригаду направлено, черговий на зв'язку"));
    assertThat(watchOf(complaint)).hasPassed(EmergencyWatch.Elements.END_UNDER_CONTROL)
        .isWaitingAt(EmergencyWatch.Elements.CATCH_TAKING_TIME_UP);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(watchOf(complaint).getId()).variableName(EMERGENCY_NOTE).singleResult().getValue())
        .as("in the audit trail").isEqualTo("Бригаду направлено, черговий на зв'язку");
  }

  @ParameterizedTest(name = "{0}/{1} is no emergency: nobody else is alerted")
  @CsvSource({"LIFTS, LIFT_NOT_WORKING", "LIGHTING, LAMP_OUT", "ROADS, POTHOLE"})
  void onlyEmergenciesAlertAnybodyBesidesTheDepartment(String category, String issueType) {
    ProcessInstance complaint = file(category, issueType);

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT).hasNotPassed(CALL_WATCH_EMERGENCY);
    assertThat(taskQuery().processInstanceBusinessKey(complaint.getBusinessKey()).count()).isEqualTo(1);
    assertThat(alertsOf(complaint)).isEmpty();
    assertThat(historyEvents(complaint)).doesNotContain("EMERGENCY_ALERTED");
  }

  @Test
  void anEmergencyAnExecutorTookInTimeIsNotEscalated() {
    ProcessInstance complaint = file("WATER", "NO_WATER");
    moveClockTo(RECEIVED.plus(Duration.ofMinutes(12)));
    taskService().claim(taskOf(complaint, TASK_RESOLVE).getId(), "water.executor");

    fireTimersDueBy(RECEIVED.plus(Duration.ofMinutes(30)));

    assertThat(watchOf(complaint)).hasPassed(EmergencyWatch.Elements.TASK_ESCALATE_UNTAKEN,
        EmergencyWatch.Elements.END_TAKEN).hasNotPassed(EmergencyWatch.Elements.TASK_GET_TAKEN)
        .as("the duty staff's own task stays until they complete it")
        .isWaitingAt(EmergencyWatch.Elements.TASK_TAKE_UNDER_CONTROL);
    assertThat(taskOf(complaint, EmergencyWatch.Elements.TASK_GET_TAKEN)).isNull();
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "EMERGENCY_ALERTED");
    assertThat(alertsOf(complaint)).hasSize(1);
  }

  @Test
  void anEmergencyNobodyTookEscalatesToTheDutyDispatchersAndTheHeads() {
    ProcessInstance complaint = file("WATER", "PIPE_BURST");
    Instant takeBy = RECEIVED.plus(Duration.ofMinutes(30));

    fireTimersDueBy(takeBy.minusSeconds(1));
    assertThat(watchOf(complaint)).isWaitingAt(EmergencyWatch.Elements.CATCH_TAKING_TIME_UP)
        .hasNotPassed(EmergencyWatch.Elements.TASK_ESCALATE_UNTAKEN);

    fireTimersDueBy(takeBy);

    assertThat(watchOf(complaint)).isWaitingAt(EmergencyWatch.Elements.TASK_TAKE_UNDER_CONTROL,
        EmergencyWatch.Elements.TASK_GET_TAKEN);
    Task escalation = taskOf(complaint, EmergencyWatch.Elements.TASK_GET_TAKEN);
    assertThat(candidateGroupsOf(escalation)).containsExactlyInAnyOrder("duty-dispatchers", "water-utility-heads");
    assertThat(escalation.getPriority()).isEqualTo(100);
    assertThat(escalation.getName()).startsWith("Аварію не взято в роботу 2026-000001");
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "EMERGENCY_ALERTED",
        "EMERGENCY_NOT_TAKEN");
    assertThat(alertsOf(complaint)).extracting(page -> page.get(EmergencyAlert.Payload.EVENT))
        .containsExactly("EMERGENCY_ALERTED", "EMERGENCY_NOT_TAKEN");
    assertThat(state(complaint).overdue()).as("not overdue: its six hours still run").isFalse();

    assertThatThrownBy(() -> taskService().complete(escalation.getId()))
        .hasMessageContaining("emergencyNote: emergencyNote is required");
    taskService().complete(escalation.getId(), Map.of(EMERGENCY_NOTE, "Начальнику дільниці доручено"));
    assertThat(watchOf(complaint)).hasPassed(EmergencyWatch.Elements.END_TAKEN_AFTER_ALL);
    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
  }

  @Test
  void anExecutorWhoTookTheEmergencyAndGaveItBackHasNotTakenIt() {
    ProcessInstance complaint = file("WATER", "NO_WATER");
    Task task = taskOf(complaint, TASK_RESOLVE);
    taskService().claim(task.getId(), "water.executor");
    taskService().setAssignee(task.getId(), null);

    fireTimersDueBy(RECEIVED.plus(Duration.ofMinutes(30)));

    assertThat(watchOf(complaint)).isWaitingAt(EmergencyWatch.Elements.TASK_GET_TAKEN);
  }

  @Test
  void theEmergencyTasksEndWhenTheDepartmentDecides() {
    ProcessInstance complaint = file("WATER", "PIPE_BURST");
    fireTimersDueBy(RECEIVED.plus(Duration.ofMinutes(30)));
    assertThat(watchOf(complaint)).isWaitingAt(EmergencyWatch.Elements.TASK_TAKE_UNDER_CONTROL,
        EmergencyWatch.Elements.TASK_GET_TAKEN);

    resolve(complaint, "Порив усунуто");

    assertThat(complaint).isWaitingAt(GATEWAY_AWAIT_REOPENING);
    assertThat(taskQuery().processInstanceBusinessKey(complaint.getBusinessKey()).count()).isZero();
    assertThat(managementService().createJobQuery().activityId(EmergencyWatch.Elements.CATCH_TAKING_TIME_UP).count())
        .isZero();
    assertThat(watchOf(complaint)).as("the watch ends with the department's work").isNull();
  }

  @Test
  void anEmergencyTheDepartmentDecidedBeforeTheTimeWasUpNeedsNoEscalation() {
    ProcessInstance complaint = file("WATER", "NO_WATER");
    moveClockTo(RECEIVED.plus(Duration.ofMinutes(20)));
    resolve(complaint, "Воду подано");

    fireTimersDueBy(RECEIVED.plus(Duration.ofMinutes(31)));

    assertThat(complaint).isWaitingAt(GATEWAY_AWAIT_REOPENING);
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "EMERGENCY_ALERTED", "RESOLVED");
  }

  @Test
  void anEmergencyWhoseExecutorAskedForMoreTimeWasTaken() {
    ProcessInstance complaint = file("WATER", "PIPE_BURST");
    moveClockTo(RECEIVED.plus(Duration.ofMinutes(10)));
    completeAndContinue(complaint, TASK_RESOLVE, Map.of(OUTCOME, "EXTENSION_REQUESTED",
        EXTENSION_UNTIL, "2026-07-03", EXTENSION_REASON, "Потрібна заміна ділянки труби"));
    assertThat(complaint).isWaitingAt(TASK_DECIDE_EXTENSION);

    fireTimersDueBy(RECEIVED.plus(Duration.ofMinutes(30)));

    assertThat(historicWatchOf(complaint)).hasPassed(EmergencyWatch.Elements.END_TAKEN)
        .hasNotPassed(EmergencyWatch.Elements.TASK_GET_TAKEN);
  }

  /** The running watch over the complaint's emergency (EmergencyWatch_<department>), if any. */
  static ProcessInstance watchOf(ProcessInstance complaint) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(complaint.getId())
        .list().stream().filter(instance -> engine.getRepositoryService().getProcessDefinition(
            instance.getProcessDefinitionId()).getKey().startsWith(EmergencyWatch.KEY_PREFIX)).findFirst().orElse(null);
  }

  /** The watch over the complaint's emergency, also once it ended. */
  static ProcessInstance historicWatchOf(ProcessInstance complaint) {
    var watch = engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(complaint.getId())
        .list().stream().filter(instance -> instance.getProcessDefinitionKey().startsWith(EmergencyWatch.KEY_PREFIX))
        .findFirst().orElseThrow();
    return new Ended(watch.getId(), watch.getProcessDefinitionId(), watch.getProcessDefinitionKey(),
        watch.getBusinessKey());
  }

  /** An instance that may have ended, for the assertions on what it passed (they read its history). */
  record Ended(String getId, String getProcessDefinitionId, String getProcessDefinitionKey, String getBusinessKey)
      implements ProcessInstance {

    @Override
    public String getProcessInstanceId() {
      return getId;
    }

    @Override
    public String getRootProcessInstanceId() {
      return null;
    }

    @Override
    public String getCaseInstanceId() {
      return null;
    }

    @Override
    public boolean isSuspended() {
      return false;
    }

    @Override
    public boolean isEnded() {
      return true;
    }

    @Override
    public String getTenantId() {
      return null;
    }
  }

  /** The emergency alerts paged for the complaint (EmergencyAlert instances), oldest first, with their variables. */
  static List<Map<String, Object>> alertsOf(ProcessInstance complaint) {
    return pagesOf(complaint).stream().map(id -> runtimeService().getVariables(id)).toList();
  }

  static List<String> pagesOf(ProcessInstance complaint) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(EmergencyAlert.KEY)
        .processInstanceBusinessKey(complaint.getBusinessKey()).orderByProcessInstanceStartTime().asc().list().stream()
        .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toList();
  }

  @Test
  void aReportNearAnOpenComplaintAboutTheSameDefectIsShownAsItsLikelyDuplicate() {
    ProcessInstance first = fileAt("WATER", "NO_WATER", "вул. Робоча, 1", 48.4593, 35.0183);
    ProcessInstance aroundTheCorner = fileAt("WATER", "LOW_PRESSURE", "вул. Робоча, 3", 48.4596, 35.0186);
    ProcessInstance otherSideOfTown = fileAt("WATER", "NO_WATER", "просп. Слобожанський, 20", 48.5120, 35.0700);
    ProcessInstance pothole = fileAt("ROADS", "POTHOLE", "вул. Робоча, 1", 48.4593, 35.0183);
    ProcessInstance sameAddressNoCoordinates = fileAt("WATER", "PIPE_BURST", "вул.  Робоча,  1 ", null, null);

    assertThat(variableOfTask(aroundTheCorner, TASK_RESOLVE, "likelyDuplicatesText")).as("40 m away, no water and low "
        + "pressure are one defect").isEqualTo("2026-000001 (40 м, надійшло 01.07 09:00, у роботі)");
    assertThat(variableOfTask(otherSideOfTown, TASK_RESOLVE, "likelyDuplicatesText")).as("7 km away").isNull();
    assertThat(variableOfTask(pothole, TASK_RESOLVE, "likelyDuplicatesText")).as("another category").isNull();
    assertThat(variableOfTask(sameAddressNoCoordinates, TASK_RESOLVE, "likelyDuplicatesText"))
        .as("the same address, written differently").startsWith("2026-000001 (та сама адреса");
    assertThat(defects.likelyOf(first.getBusinessKey())).as("the earlier one was filed first").isEmpty();

    moveClockTo(RECEIVED.plus(Duration.ofDays(4)));
    ProcessInstance daysLater = fileAt("WATER", "NO_WATER", "вул. Робоча, 1", 48.4593, 35.0183);
    assertThat(variableOfTask(daysLater, TASK_RESOLVE, "likelyDuplicatesText")).as("beyond the period").isNull();
  }

  @Test
  void theExecutorMergesADuplicateWhichIsResolvedWithItsDefectAndEachCitizenIsToldThroughTheirChannel() {
    ProcessInstance defect = fileAt("WATER", "PIPE_BURST", "вул. Робоча, 1", 48.4593, 35.0183);
    ProcessInstance report = fileAt("WATER", "PIPE_BURST", "вул. Робоча, 2", 48.4594, 35.0184);

    completeAndContinue(report, TASK_RESOLVE, Map.of(OUTCOME, "DUPLICATE", DUPLICATE_OF, "2026-000001"));

    assertThat(report).isWaitingAt(GATEWAY_AWAIT_PARENT).hasPassed(TASK_MERGE_INTO_PARENT);
    assertThat(taskQuery().processInstanceBusinessKey(report.getBusinessKey()).count())
        .as("its tasks are done, the emergency's too").isZero();
    assertThat(state(report).status()).hasToString("MERGED");
    assertThat(state(report).resolvedAt()).as("not counted as resolved").isNull();
    assertThat(defects.parentOf(report.getBusinessKey())).contains("2026-000001");
    assertThat(notificationsOf(report)).last().satisfies(told -> assertThat(told)
        .containsEntry("event", "MERGED").containsEntry("mergedInto", "2026-000001"));

    moveClockTo(RECEIVED.plus(Duration.ofHours(3)));
    resolve(defect, "Порив на вул. Робочій усунуто");

    assertThat(report).hasPassed(CATCH_PARENT_RESOLVED, TASK_FOLLOW_PARENT_RESOLUTION, END_DEFECT_RESOLVED)
        .isWaitingAt(GATEWAY_AWAIT_REOPENING);
    assertThat(state(report).status()).hasToString("RESOLVED");
    assertThat(state(report).resolution()).as("its own answer: the other's was written for another applicant")
        .isEqualTo("Проблему, про яку ви повідомили, вирішено разом зі зверненням 2026-000001 про ту саму проблему. "
            + "Якщо у вас її не усунуто, повторно відкрийте своє звернення.");
    assertThat(state(report).resolvedBy()).isEqualTo("water-utility");
    assertThat(state(report).resolvedOnTime()).as("the defect counts once, in its own complaint").isNull();
    assertThat(historyEvents(report)).containsExactly("REGISTERED", "ROUTED", "EMERGENCY_ALERTED", "MERGED", "RESOLVED");
    assertThat(notificationsOf(report)).last().satisfies(told -> assertThat(told).containsEntry("event", "RESOLVED")
        .containsEntry("resolution", state(report).resolution()));
    assertThat(notificationsOf(defect)).last().satisfies(told -> assertThat(told).containsEntry("event", "RESOLVED"));
  }

  @Test
  void aCitizenWhoRefutesTheSharedResolutionReopensTheirOwnComplaintAsADefectOfItsOwn() {
    ProcessInstance defect = fileAt("LIGHTING", "LAMP_OUT", "вул. Робоча, 1", 48.4593, 35.0183);
    ProcessInstance report = fileAt("LIGHTING", "LAMP_OUT", "вул. Робоча, 1", 48.4593, 35.0183);
    completeAndContinue(report, TASK_RESOLVE, Map.of(OUTCOME, "DUPLICATE", DUPLICATE_OF, "2026-000001"));
    resolve(defect, "Лампу замінено");

    reopen(report, "У нашому дворі ліхтар так і не світить");

    assertThat(report).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
    assertThat(defects.parentOf(report.getBusinessKey())).isEmpty();
    assertThat(state(report).status()).hasToString("IN_PROGRESS");
    assertThat(defect).isWaitingAt(GATEWAY_AWAIT_REOPENING);
  }

  @Test
  void aMergeIsRefusedWithTheReasonUnlessIntoAnotherOpenComplaintOfTheDepartment() {
    ProcessInstance resolved = fileAt("WATER", "NO_WATER", "вул. Робоча, 1", 48.4593, 35.0183);
    resolve(resolved, "Воду подано");
    ProcessInstance pothole = fileAt("ROADS", "POTHOLE", "вул. Робоча, 1", 48.4593, 35.0183);
    ProcessInstance open = fileAt("WATER", "NO_WATER", "вул. Робоча, 1", 48.4593, 35.0183);
    ProcessInstance merged = fileAt("WATER", "NO_WATER", "вул. Робоча, 1", 48.4593, 35.0183);
    completeAndContinue(merged, TASK_RESOLVE, Map.of(OUTCOME, "DUPLICATE", DUPLICATE_OF, "2026-000003"));
    ProcessInstance report = fileAt("WATER", "NO_WATER", "вул. Робоча, 1", 48.4593, 35.0183);
    String task = taskOf(report, TASK_RESOLVE).getId();

    assertThatThrownBy(() -> taskService().complete(task, Map.of(OUTCOME, "DUPLICATE")))
        .hasMessageContaining("duplicateOf: duplicateOf is required");
    assertThatThrownBy(() -> taskService().complete(task, Map.of(OUTCOME, "DUPLICATE", DUPLICATE_OF, "вчорашнє")))
        .hasMessageContaining("duplicateOf: a complaint's number such as 2026-000123");
    assertThatThrownBy(() -> taskService().complete(task, Map.of(OUTCOME, "DUPLICATE", DUPLICATE_OF, "2026-000005")))
        .hasMessageContaining("not merged into itself");
    assertThatThrownBy(() -> taskService().complete(task, Map.of(OUTCOME, "DUPLICATE", DUPLICATE_OF, "2026-009999")))
        .hasMessageContaining("there is no complaint 2026-009999");
    assertThatThrownBy(() -> taskService().complete(task, Map.of(OUTCOME, "DUPLICATE", DUPLICATE_OF, "2026-000001")))
        .hasMessageContaining("2026-000001 is no longer open (RESOLVED)");
    assertThatThrownBy(() -> taskService().complete(task, Map.of(OUTCOME, "DUPLICATE", DUPLICATE_OF, "2026-000002")))
        .hasMessageContaining("2026-000002 is not with your department");
    assertThatThrownBy(() -> taskService().complete(task, Map.of(OUTCOME, "DUPLICATE", DUPLICATE_OF, "2026-000004")))
        .hasMessageContaining("2026-000004 is itself merged into 2026-000003: merge into that one");
    assertThatThrownBy(() -> taskService().complete(taskOf(open, TASK_RESOLVE).getId(),
        Map.of(OUTCOME, "DUPLICATE", DUPLICATE_OF, "2026-000005")))
        .as("the defect's own complaint is resolved, not merged").hasMessageContaining("are merged into this one");
    assertThat(report).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
    assertThat(pothole).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
  }

  @Test
  void theDispatchersMergeAcrossDepartmentsAndUndoAMergeThatWasNoDuplicate() {
    ProcessInstance defect = fileAt("HOUSING", "ROOF_LEAK", "вул. Робоча, 1", 48.4593, 35.0183);
    ProcessInstance report = fileAt("WATER", "PIPE_BURST", "вул. Робоча, 1", 48.4593, 35.0183);
    completeAndContinue(report, TASK_RESOLVE, Map.of(OUTCOME, "NOT_OUR_COMPETENCE",
        RETURN_REASON, "Тече дах, а не водогін: це вже звернення 2026-000001"));

    completeAndContinue(report, TASK_RECLASSIFY, Map.of(DISPATCH_DECISION, "MERGE", DUPLICATE_OF, "2026-000001"));

    assertThat(report).isWaitingAt(GATEWAY_AWAIT_PARENT);
    assertThat(state(report).status()).hasToString("MERGED");

    runtimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_MERGE_UNDONE)
        .processInstanceBusinessKey(report.getBusinessKey()).correlate();

    assertThat(report).hasPassed(CATCH_MERGE_UNDONE, TASK_RECORD_UNMERGE).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
    assertThat(state(report).status()).hasToString("IN_PROGRESS");
    assertThat(defects.parentOf(report.getBusinessKey())).isEmpty();
    assertThat(variable(report, DISPATCH_DECISION)).as("decided anew next time").isNull();
    assertThat(historyEvents(report)).containsSubsequence("MERGED", "UNMERGED", "ROUTED");
    resolve(defect, "Дах полагоджено");
    assertThat(report).as("no longer follows it").isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
  }

  @Test
  void aDuplicateWhoseDefectIsForwardedOutsideTheCityIsRoutedAsADefectOfItsOwn() {
    ProcessInstance defect = fileAt("OTHER", "OTHER", "вул. Робоча, 1", 48.4593, 35.0183);
    ProcessInstance report = fileAt("OTHER", "OTHER", "вул. Робоча, 1", 48.4593, 35.0183);
    completeAndContinue(report, TASK_RECLASSIFY, Map.of(DISPATCH_DECISION, "MERGE", DUPLICATE_OF, "2026-000001"));
    assertThat(state(report).status()).hasToString("MERGED");

    completeAndContinue(defect, TASK_RECLASSIFY, Map.of(DISPATCH_DECISION, "FORWARD", FORWARD_TO, "NATIONAL_POLICE"));

    assertThat(historyEvents(report)).containsSubsequence("MERGED", "UNMERGED", "AWAITING_RECLASSIFICATION");
    assertThat(report).isWaitingAt(TASK_RECLASSIFY);
  }

  /** Files a complaint about a problem at that place (coordinates may be missing). */
  ProcessInstance fileAt(String category, String issueType, String address, Double latitude, Double longitude) {
    complaints++;
    String number = "2026-%06d".formatted(complaints);
    var fixture = ComplaintFixtures.personalData(number);
    InMemoryPersonalData.shared().insert(new ua.dnipro.contactcenter.personaldata.PersonalData(number,
        // a phone of its own: the same applicant at the same place would be a repeated appeal
        fixture.firstName(), fixture.lastName(), fixture.patronymic(), "+380670" + number.substring(5), fixture.email(),
        fixture.applicantAddress(), fixture.description(), address, latitude, longitude, null));
    return runtimeService().startProcessInstanceByKey(ComplaintProcess.KEY, number,
        ComplaintFixtures.startVariables(category, issueType, ClockUtil.getCurrentTime().toInstant()));
  }

  /** What the task's form shows in that field (Tasklist reads a form's values as the task's form variables). */
  static String variableOfTask(ProcessInstance complaint, String taskKey, String name) {
    return (String) formService().getTaskFormVariables(taskOf(complaint, taskKey).getId()).get(name);
  }

  @ParameterizedTest(name = "{0}/{1} is due {2} after receipt with priority {3}")
  @CsvSource({
      "LIFTS, LIFT_NOT_WORKING, PT24H, 70",
      "LIGHTING, LAMP_OUT, PT72H, 50",
      "ROADS, POTHOLE, P7D, 30"})
  void eachTierGivesItsDeadlineAndPriority(String category, String issueType, String duration, int priority) {
    ProcessInstance complaint = file(category, issueType);

    Task task = taskOf(complaint, TASK_RESOLVE);
    Instant expectedDeadline = CalendarDuration.parse(duration).addTo(RECEIVED, KYIV);
    assertThat(task.getDueDate()).isEqualTo(Date.from(expectedDeadline));
    assertThat(task.getPriority()).isEqualTo(priority);
    assertThat(slaTimerOf(complaint).getDuedate()).isEqualTo(Date.from(expectedDeadline));
  }

  @Test
  void theResolutionTextIsRequired() {
    ProcessInstance complaint = file("WATER", "NO_WATER");
    Task task = taskOf(complaint, TASK_RESOLVE);

    assertThatThrownBy(() -> taskService().complete(task.getId(), Variables.putValue(OUTCOME, "RESOLVED")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("resolution: resolution is required");
    assertThatThrownBy(() -> taskService().complete(task.getId(),
        Variables.putValue(OUTCOME, "RESOLVED").putValue(RESOLUTION, "   ")))
        .hasMessageContaining("resolution: resolution is required");
    // invisible characters are no resolution either
    assertThatThrownBy(() -> taskService().complete(task.getId(),
        Variables.putValue(OUTCOME, "RESOLVED").putValue(RESOLUTION, "\u200B\u200B")))
        .hasMessageContaining("resolution: resolution is required");
    assertThatThrownBy(() -> taskService().complete(task.getId(),
        Variables.putValue(OUTCOME, "RESOLVED").putValue(RESOLUTION, "Усунуто\u0000")))
        .hasMessageContaining("control characters");
    assertThatThrownBy(() -> taskService().complete(task.getId(), Variables.putValue(OUTCOME, "FIXED_IT")))
        .hasMessageContaining("outcome must be one of the form's options [DUPLICATE, EXTENSION_REQUESTED, NOT_OUR_COMPETENCE, RESOLVED]");
    assertThatThrownBy(() -> taskService().complete(task.getId()))
        .hasMessageContaining("outcome: outcome is required");

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
  }

  @Test
  void passingTheSlaDeadlineFlagsTheComplaintAndAlertsTheHeadWhileTheExecutorKeepsTheTask() {
    ProcessInstance complaint = file("WATER", "PIPE_BURST");
    Instant deadline = RECEIVED.plus(Duration.ofHours(6));
    assertThat(slaTimerOf(complaint).getDuedate()).isEqualTo(Date.from(deadline));

    fireTimersDueBy(deadline.minusSeconds(60));
    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT).hasNotPassed(BOUNDARY_SLA_BREACHED);

    fireTimersDueBy(deadline);

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT, TASK_REVIEW_OVERDUE);
    Task headTask = taskOf(complaint, TASK_REVIEW_OVERDUE);
    assertThat(candidateGroupsOf(headTask)).containsExactly("water-utility-heads");
    assertThat(headTask.getDueDate()).isEqualTo(Date.from(deadline.plus(Duration.ofHours(6))));
    assertThat(headTask.getName()).startsWith("Прострочено: вжити заходів 2026-000001");
    assertThat(state(complaint).overdue()).isTrue();
    assertThat(state(complaint).escalationLevel()).isEqualTo(1);
    assertThat(historyEvents(complaint)).as("nobody took it within half an hour either")
        .containsExactly("REGISTERED", "ROUTED", "EMERGENCY_ALERTED", "EMERGENCY_NOT_TAKEN", "OVERDUE");

    resolve(complaint, "Порив усунуто");

    assertThat(complaint).isWaitingAt(GATEWAY_AWAIT_REOPENING);
    assertThat(taskQuery().processInstanceBusinessKey(complaint.getBusinessKey()).count()).isZero();
    assertThat(state(complaint).overdue()).isTrue();
    assertThat(state(complaint).resolvedOnTime()).isFalse();
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "EMERGENCY_ALERTED", "EMERGENCY_NOT_TAKEN", "OVERDUE",
        "RESOLVED");
  }

  @Test
  void theHeadReviewingTheOverdueComplaintLeavesTheExecutorsTaskOpen() {
    ProcessInstance complaint = file("WATER", "PIPE_BURST");
    fireTimersDueBy(RECEIVED.plus(Duration.ofHours(7)));

    assertThatThrownBy(() -> taskService().complete(taskOf(complaint, TASK_REVIEW_OVERDUE).getId()))
        .hasMessageContaining("escalationNote: escalationNote is required");
    taskService().complete(taskOf(complaint, TASK_REVIEW_OVERDUE).getId(), Map.of("escalationNote", "Бригаду направлено"));

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT).hasPassed("EndEvent_OverdueReviewed");
    assertThat(runtimeService().createExecutionQuery().activityId(TASK_REVIEW_OVERDUE).count()).isZero();
  }

  @Test
  void stillOpenAFurtherPeriodAfterTheDeadlineEscalatesToTheControllers() {
    ProcessInstance complaint = file("WATER", "PIPE_BURST");
    Instant secondLevel = RECEIVED.plus(Duration.ofHours(12));
    assertThat(variable(complaint, SECOND_ESCALATION_DEADLINE)).isEqualTo(Date.from(secondLevel));

    fireTimersDueBy(secondLevel.minusSeconds(1));
    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT, TASK_REVIEW_OVERDUE);

    fireTimersDueBy(secondLevel);

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT, TASK_REVIEW_OVERDUE, TASK_SUPERVISE_OVERDUE);
    assertThat(candidateGroupsOf(taskOf(complaint, TASK_SUPERVISE_OVERDUE))).containsExactly("controllers");
    // the controllers' form shows the statutory term: fifteen days, 2 to 16 July, the day of receipt not counted
    assertThat(variableOfTask(complaint, TASK_SUPERVISE_OVERDUE, ComplaintProcess.Variables.STATUTORY_DEADLINE_TEXT))
        .startsWith("16.07.2026").isEqualTo(ua.dnipro.contactcenter.inbox.PresentComplaintInInbox.lastDayShown(
            ((Date) variable(complaint, STATUTORY_DEADLINE)).toInstant(), KYIV));
    assertThat(state(complaint).escalationLevel()).isEqualTo(2);
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "EMERGENCY_ALERTED", "EMERGENCY_NOT_TAKEN",
        "OVERDUE", "ESCALATED_TO_CONTROLLERS");

    taskService().complete(taskOf(complaint, TASK_SUPERVISE_OVERDUE).getId(), Map.of("controlNote", "Зателефонували керівнику"));
    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT, TASK_REVIEW_OVERDUE).hasPassed("EndEvent_OverdueSupervised");

    resolve(complaint, "Порив усунуто із запізненням");
    assertThat(complaint).isWaitingAt(GATEWAY_AWAIT_REOPENING);
    assertThat(taskQuery().processInstanceBusinessKey(complaint.getBusinessKey()).count()).isZero();
  }

  @Test
  void aMonthWithoutDecisionEscalatesToTheControllersWhateverTheTier() {
    ProcessInstance complaint = file("ROADS", "POTHOLE");
    // received 1 July: the month runs from 2 July to 1 August inclusive (Civil Code arts. 253-255)
    Instant oneMonth = ZonedDateTime.of(2026, 8, 2, 0, 0, 0, 0, KYIV).toInstant();
    assertThat(variable(complaint, STATUTORY_DEADLINE)).isEqualTo(Date.from(oneMonth));

    fireTimersDueBy(oneMonth.minusSeconds(1));
    assertThat(complaint).hasNotPassed(START_STATUTORY_DEADLINE_PASSED);

    fireTimersDueBy(oneMonth);

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT, TASK_REVIEW_OVERDUE, TASK_SUPERVISE_OVERDUE,
        TASK_ENFORCE_STATUTORY_DEADLINE);
    Task enforce = taskOf(complaint, TASK_ENFORCE_STATUTORY_DEADLINE);
    assertThat(candidateGroupsOf(enforce)).containsExactly("controllers");
    assertThat(enforce.getPriority()).isEqualTo(100);
    assertThat(state(complaint).statutoryDeadlinePassed()).isTrue();

    resolve(complaint, "Яму залатано");

    assertThat(complaint).isWaitingAt(GATEWAY_AWAIT_REOPENING);
    assertThat(taskQuery().processInstanceBusinessKey(complaint.getBusinessKey()).count()).isZero();
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "OVERDUE",
        "ESCALATED_TO_CONTROLLERS", "STATUTORY_DEADLINE_PASSED", "RESOLVED");
  }

  @Test
  void theCeilingAlsoHoldsForAComplaintStuckWithTheDispatchers() {
    ProcessInstance complaint = file("OTHER", "OTHER");
    assertThat(complaint).isWaitingAt(TASK_RECLASSIFY);

    fireTimersDueBy(ZonedDateTime.of(2026, 8, 2, 0, 0, 0, 0, KYIV).toInstant());

    assertThat(complaint).isWaitingAt(TASK_RECLASSIFY, TASK_ENFORCE_STATUTORY_DEADLINE);
    assertThatThrownBy(() -> taskService().complete(taskOf(complaint, TASK_ENFORCE_STATUTORY_DEADLINE).getId(),
        Map.of("controlNote", " "))).hasMessageContaining("controlNote: controlNote is required");
    taskService().complete(taskOf(complaint, TASK_ENFORCE_STATUTORY_DEADLINE).getId(), Map.of("controlNote", "Доручено розглянути"));
    assertThat(complaint).isWaitingAt(TASK_RECLASSIFY).hasPassed("EndEvent_StatutoryBreachHandled");
  }

  @Test
  void aDepartmentReturnsAComplaintTheDispatchersReClassifyItAndTheRightDepartmentGetsIt() {
    ProcessInstance complaint = file("WATER", "LOW_PRESSURE");
    Instant returnedAt = RECEIVED.plus(Duration.ofHours(3));
    moveClockTo(returnedAt);

    completeAndContinue(complaint, TASK_RESOLVE,
        Map.of(OUTCOME, "NOT_OUR_COMPETENCE", RETURN_REASON, "Протікає дах, а не водогін"));

    assertThat(complaint).isWaitingAt(TASK_RECLASSIFY).hasPassed(TASK_RECORD_RETURN, TASK_HAND_OVER_TO_DISPATCHERS);
    Task reclassify = taskOf(complaint, TASK_RECLASSIFY);
    assertThat(candidateGroupsOf(reclassify)).containsExactly("dispatchers");
    assertThat(reclassify.getDueDate()).isEqualTo(Date.from(returnedAt.plus(Duration.ofHours(4))));
    assertThat(state(complaint).status()).hasToString("AWAITING_RECLASSIFICATION");
    assertThat(variable(complaint, RETURNED_BY_DEPARTMENT)).isEqualTo("water-utility");
    assertThat(variable(complaint, RETURN_REASON)).isEqualTo("Протікає дах, а не водогін");

    Instant reclassifiedAt = returnedAt.plus(Duration.ofHours(1));
    moveClockTo(reclassifiedAt);
    completeAndContinue(complaint, TASK_RECLASSIFY, Map.of("classification", "HOUSING/ROOF_LEAK"));

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
    Task task = taskOf(complaint, TASK_RESOLVE);
    assertThat(candidateGroupsOf(task)).containsExactly("housing");
    // counted from the re-routing: the housing department is not blamed for the detour
    assertThat(task.getDueDate()).isEqualTo(Date.from(reclassifiedAt.plus(Duration.ofHours(24))));
    assertThat(variable(complaint, ROUTING_COUNT)).isEqualTo(2);
    assertThat(variable(complaint, RETURN_REASON)).isNull();

    resolve(complaint, "Дах відремонтовано");
    assertThat(complaint).isWaitingAt(GATEWAY_AWAIT_REOPENING);
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "RETURNED",
        "AWAITING_RECLASSIFICATION", "RECLASSIFIED", "ROUTED", "RESOLVED");
  }

  @Test
  void returningNeedsAReason() {
    ProcessInstance complaint = file("WATER", "LOW_PRESSURE");

    assertThatThrownBy(() -> taskService().complete(taskOf(complaint, TASK_RESOLVE).getId(),
        Variables.putValue(OUTCOME, "NOT_OUR_COMPETENCE")))
        .hasMessageContaining("returnReason is required");
    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
  }

  @Test
  void reClassifyingNeedsTheNewClassification() {
    ProcessInstance complaint = file("OTHER", "OTHER");

    assertThatThrownBy(() -> taskService().complete(taskOf(complaint, TASK_RECLASSIFY).getId(),
        Variables.putValue(CATEGORY, "WATER").putValue(ISSUE_TYPE, "NO_WATER")))
        .hasMessageContaining("classification: classification is required");
    assertThat(complaint).isWaitingAt(TASK_RECLASSIFY);
  }

  @Test
  void aComplaintReClassifiedAsOtherAgainComesBackToTheDispatchers() {
    ProcessInstance complaint = file("OTHER", "OTHER");

    completeAndContinue(complaint, TASK_RECLASSIFY, Map.of("classification", "OTHER/OTHER"));

    assertThat(complaint).isWaitingAt(TASK_RECLASSIFY);
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "AWAITING_RECLASSIFICATION",
        "RECLASSIFIED", "AWAITING_RECLASSIFICATION");
  }

  @ParameterizedTest(name = "{0}/{1} goes to the dispatchers")
  @CsvSource(value = {
      "OTHER, OTHER",
      "NO_SUCH_CATEGORY, NO_WATER",
      "WATER, NO_SUCH_TYPE",
      "LIFTS, NO_WATER",
      "NULL, NULL"}, nullValues = "NULL")
  void anUnknownOrOtherComplaintIsNeverDroppedButGoesToTheDispatchers(String category, String issueType) {
    ProcessInstance complaint = file(category, issueType);

    assertThat(complaint).isWaitingAt(TASK_RECLASSIFY).hasNotPassed(TASK_DETERMINE_SLA_TERMS);
    assertThat(variable(complaint, DEPARTMENT)).isEqualTo("dispatchers");
    assertThat(state(complaint).status()).hasToString("AWAITING_RECLASSIFICATION");
    assertThat(taskOf(complaint, TASK_RECLASSIFY).getDueDate()).isEqualTo(Date.from(RECEIVED.plus(Duration.ofHours(4))));

    completeAndContinue(complaint, TASK_RECLASSIFY, Map.of("classification", "LIGHTING/STREET_DARK"));

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
    assertThat(candidateGroupsOf(taskOf(complaint, TASK_RESOLVE))).containsExactly("street-lighting");
  }

  @Test
  void anAppealWithoutItsApplicantIsNotProcessed() {
    var variables = ComplaintFixtures.startVariables("WATER", "NO_WATER", RECEIVED);
    var filed = ComplaintFixtures.personalData("2026-000099");
    InMemoryPersonalData.shared().insert(new ua.dnipro.contactcenter.personaldata.PersonalData(filed.complaintNumber(),
        filed.firstName(), " ", null, null, null, filed.applicantAddress(), filed.description(), null, null, null, null));

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ComplaintProcess.KEY, "2026-000099", variables))
        .hasMessageContaining("missing: [lastName, phone]");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void registrationFixesTheReceivedMonthInKyivAndTheStatutoryDeadline() {
    // 31 December 23:30 in Kyiv is already 1 January... no: it is still December in Kyiv, but
    // 21:30 UTC; the heating month and the statutory month are the city's.
    Instant newYearsEve = ZonedDateTime.of(2026, 12, 31, 23, 30, 0, 0, KYIV).toInstant();
    moveClockTo(newYearsEve);
    InMemoryPersonalData.keepFixtureApplicant("2026-000100");
    ProcessInstance complaint = runtimeService().startProcessInstanceByKey(ComplaintProcess.KEY, "2026-000100",
        ComplaintFixtures.startVariables("HEATING", "NO_HEATING", newYearsEve));

    assertThat(variableOfTask(complaint, TASK_RESOLVE, RECEIVED_AT_TEXT)).as("the heating month is the city's")
        .isEqualTo("31.12.2026 23:30");
    assertThat(variable(complaint, SLA_TIER)).isEqualTo("EMERGENCY");
    // no additional study: fifteen days, 1 to 15 January inclusive, in Kyiv
    assertThat(variable(complaint, STATUTORY_DEADLINE))
        .isEqualTo(Date.from(ZonedDateTime.of(2027, 1, 16, 0, 0, 0, 0, KYIV).toInstant()));
    // the number is the business key: the task shows it, and it is not stored again as a variable
    assertThat(variableOfTask(complaint, TASK_RESOLVE, "inboxNumber")).isEqualTo("2026-000100");
    assertThat(taskOf(complaint, TASK_RESOLVE).getName()).contains("2026-000100");
    assertThat(variable(complaint, COMPLAINT_NUMBER)).isNull();
  }

  @Test
  void aResolvedComplaintClosesWhenTheReopeningWindowEndsUnopened() {
    ProcessInstance complaint = file("LIGHTING", "LAMP_OUT");
    Instant resolvedAt = RECEIVED.plus(Duration.ofHours(30));
    moveClockTo(resolvedAt);
    resolve(complaint, "Лампу замінено");
    Instant windowEnd = ZonedDateTime.of(2026, 7, 16, 15, 0, 0, 0, KYIV).toInstant();
    assertThat(variable(complaint, REOPENING_WINDOW_END)).isEqualTo(Date.from(windowEnd));

    fireTimersDueBy(windowEnd.minusSeconds(1));
    assertThat(complaint).isWaitingAt(GATEWAY_AWAIT_REOPENING);

    fireTimersDueBy(windowEnd);
    assertThat(complaint).isEnded().hasPassed(CATCH_REOPENING_WINDOW_CLOSED, END_COMPLAINT_CLOSED);
    assertThat(state(complaint).status()).hasToString("RESOLVED");
  }

  @Test
  void aCitizenWhoIsNotSatisfiedReopensTheComplaintAndItIsHandledAgainWithAFreshSlaWithinTheFirstStatutoryTerm() {
    ProcessInstance complaint = file("HOUSING", "ROOF_LEAK");
    resolve(complaint, "Дах полатано");
    Instant reopenedAt = RECEIVED.plus(Duration.ofDays(3));
    moveClockTo(reopenedAt);

    runtimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_COMPLAINT_REOPENED)
        .processInstanceBusinessKey(complaint.getBusinessKey())
        .setVariable(REOPENING_REASON, "Після дощу знову тече")
        .correlate();

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT).hasPassed(CATCH_COMPLAINT_REOPENED, TASK_RECORD_REOPENING);
    Task task = taskOf(complaint, TASK_RESOLVE);
    assertThat(candidateGroupsOf(task)).containsExactly("housing");
    assertThat(task.getDueDate()).isEqualTo(Date.from(reopenedAt.plus(Duration.ofHours(24))));
    // the statutory term still counts from the first receipt: fifteen days, to 16 July inclusive
    Instant statutoryTerm = ZonedDateTime.of(2026, 7, 17, 0, 0, 0, 0, KYIV).toInstant();
    assertThat(variable(complaint, STATUTORY_DEADLINE)).isEqualTo(Date.from(statutoryTerm));
    assertThat(state(complaint).statutoryDeadline()).isEqualTo(statutoryTerm);
    assertThat(variable(complaint, RESOLUTION)).isNull();
    assertThat(state(complaint).status()).hasToString("IN_PROGRESS");
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "RESOLVED", "REOPENED", "ROUTED");
    fireTimersDueBy(statutoryTerm.minusSeconds(1));
    assertThat(complaint).hasNotPassed(START_STATUTORY_DEADLINE_PASSED);
    fireTimersDueBy(statutoryTerm);
    assertThat(complaint).hasPassed(START_STATUTORY_DEADLINE_PASSED);
    assertThat(taskOf(complaint, TASK_ENFORCE_STATUTORY_DEADLINE)).isNotNull();
  }

  @Test
  void theDispatchersOwnDeadlineEscalatesToTheControllersWhoseTaskEndsWithTheReclassification() {
    ProcessInstance complaint = file("OTHER", "OTHER");
    Instant dispatchersDeadline = RECEIVED.plus(Duration.ofHours(4));
    assertThat(state(complaint).dueAt()).isEqualTo(dispatchersDeadline);

    fireTimersDueBy(dispatchersDeadline.minusSeconds(1));
    assertThat(taskOf(complaint, TASK_SUPERVISE_RECLASSIFICATION)).isNull();
    fireTimersDueBy(dispatchersDeadline);

    Task supervise = taskOf(complaint, TASK_SUPERVISE_RECLASSIFICATION);
    assertThat(candidateGroupsOf(supervise)).containsExactly("controllers");
    assertThat(complaint).isWaitingAt(TASK_RECLASSIFY, TASK_SUPERVISE_RECLASSIFICATION);
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "AWAITING_RECLASSIFICATION",
        "RECLASSIFICATION_OVERDUE");
    assertThat(state(complaint).department()).as("still the dispatchers'").isEqualTo("dispatchers");
    assertThat(state(complaint).overdue()).as("no department answers for it").isFalse();

    completeAndContinue(complaint, TASK_RECLASSIFY, Map.of("classification", "LIGHTING/LAMP_OUT"));

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT).hasPassed("EndEvent_Reclassified");
    assertThat(taskOf(complaint, TASK_SUPERVISE_RECLASSIFICATION)).as("ended with the re-classification").isNull();
  }

  @Test
  void theControllersMayRecordWhatTheyDidBeforeTheDispatchersReclassify() {
    ProcessInstance complaint = file("OTHER", "OTHER");
    fireTimersDueBy(RECEIVED.plus(Duration.ofHours(5)));
    Task supervise = taskOf(complaint, TASK_SUPERVISE_RECLASSIFICATION);
    assertThatThrownBy(() -> taskService().complete(supervise.getId(), Map.of(CONTROL_NOTE, "")))
        .hasMessageContaining("controlNote is required");

    taskService().complete(supervise.getId(), Map.of(CONTROL_NOTE, "Старшого зміни повідомлено"));

    assertThat(complaint).isWaitingAt(TASK_RECLASSIFY).hasPassed("EndEvent_ReclassificationSupervised");
    completeAndContinue(complaint, TASK_RECLASSIFY, Map.of("classification", "LIGHTING/LAMP_OUT"));
    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
  }

  @Test
  void theCitizenConfirmsTheResolutionWithARatingAndTheComplaintClosesAtOnce() {
    ProcessInstance complaint = file("LIGHTING", "LAMP_OUT");
    resolve(complaint, "Лампу замінено");
    Instant confirmedAt = RECEIVED.plus(Duration.ofDays(2));
    moveClockTo(confirmedAt);

    runtimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_RESOLUTION_CONFIRMED)
        .processInstanceBusinessKey(complaint.getBusinessKey())
        .setVariable(RATING, Variables.integerValue(5, true))
        .setVariable(RATING_COMMENT, "Дякую")
        .correlate();

    assertThat(complaint).isEnded().hasPassed(CATCH_RESOLUTION_CONFIRMED, END_COMPLAINT_CONFIRMED)
        .hasNotPassed(CATCH_REOPENING_WINDOW_CLOSED);
    ComplaintState state = state(complaint);
    assertThat(state.status()).hasToString("RESOLVED");
    assertThat(state.rating()).isEqualTo(5);
    assertThat(state.confirmedAt()).isEqualTo(confirmedAt);
    assertThat(state.reopenableUntil()).as("closed then").isEqualTo(confirmedAt);
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "RESOLVED", "CONFIRMED");
    assertThat(historicVariable(complaint, RATING)).as("the rating is the state's, not a variable's").isNull();
    assertThat(historicVariable(complaint, RATING_COMMENT)).isEqualTo("Дякую");
  }

  @Test
  void aConfirmationWithoutAValidRatingChangesNothing() {
    ProcessInstance complaint = file("LIGHTING", "LAMP_OUT");
    resolve(complaint, "Лампу замінено");

    assertThatThrownBy(() -> runtimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_RESOLUTION_CONFIRMED)
        .processInstanceBusinessKey(complaint.getBusinessKey()).setVariable(RATING, 9).correlate())
        .hasMessageContaining("rating from 1 to 5");
    assertThat(complaint).isWaitingAt(GATEWAY_AWAIT_REOPENING);
    assertThat(state(complaint).rating()).isNull();
  }

  @Test
  void theExecutorSeesWhyTheCitizenReopenedTheComplaint() {
    ProcessInstance complaint = file("LIGHTING", "LAMP_OUT");
    assertThat(taskService().getVariablesLocal(taskOf(complaint, TASK_RESOLVE).getId()).get(REOPENING_REASON)).isNull();
    resolve(complaint, "Лампу замінено");

    reopen(complaint, "Ліхтар знову не світить");

    assertThat(variableOfTask(complaint, TASK_RESOLVE, REOPENING_REASON)).isEqualTo("Ліхтар знову не світить");
    assertThat(state(complaint).reopenings()).isEqualTo(1);
  }

  @Test
  void reOpeningsBeyondTheReworkLimitGoToTheControllersWhoSendItBackOrCloseIt() {
    ProcessInstance complaint = file("LIGHTING", "LAMP_OUT");
    for (int reopening = 1; reopening <= 3; reopening++) {
      resolve(complaint, "Лампу замінено, спроба " + reopening);
      reopen(complaint, "Знову не світить (" + reopening + ")");
      assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
      assertThat(state(complaint).reopenings()).isEqualTo(reopening);
    }
    resolve(complaint, "Лампу замінено, спроба 4");

    reopen(complaint, "Знову не світить (4)");

    assertThat(complaint).isWaitingAt(TASK_REVIEW_REWORK);
    Task review = taskOf(complaint, TASK_REVIEW_REWORK);
    assertThat(candidateGroupsOf(review)).containsExactly("controllers");
    assertThat(taskQuery().processInstanceBusinessKey(complaint.getBusinessKey()).taskDefinitionKey(TASK_RESOLVE).count())
        .as("not back to the department yet").isZero();
    assertThat(state(complaint).status()).as("resolved until the controllers decide").hasToString("RESOLVED");
    assertThatThrownBy(() -> taskService().complete(review.getId(), Map.of(CONTROL_NOTE, "Розберемося")))
        .hasMessageContaining("reworkDecision");

    completeAndContinue(complaint, TASK_REVIEW_REWORK, Map.of(REWORK_DECISION, "HANDLE_AGAIN",
        CONTROL_NOTE, "Замінити світильник повністю"));

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
    assertThat(state(complaint).reopenings()).isEqualTo(4);
    resolve(complaint, "Світильник замінено");
    reopen(complaint, "Все одно блимає");
    assertThat(complaint).isWaitingAt(TASK_REVIEW_REWORK);

    completeAndContinue(complaint, TASK_REVIEW_REWORK, Map.of(REWORK_DECISION, "CLOSE",
        CONTROL_NOTE, "Світильник справний, блимання в межах норми"));

    assertThat(complaint).isEnded().hasPassed(END_REOPENING_REFUSED);
    ComplaintState closed = state(complaint);
    assertThat(closed.status()).hasToString("RESOLVED");
    assertThat(closed.resolution()).isEqualTo("Світильник замінено");
    assertThat(closed.reopenings()).isEqualTo(4);
    assertThat(historyEvents(complaint)).endsWith("RESOLVED", "REOPENING_REFUSED");
    // (notifications started at the same instant have no order among them)
    assertThat(notificationsOf(complaint)).extracting(n -> n.get("event")).containsOnlyOnce("REOPENING_REFUSED");
  }

  void reopen(ProcessInstance complaint, String reason) {
    runtimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_COMPLAINT_REOPENED)
        .processInstanceBusinessKey(complaint.getBusinessKey()).setVariable(REOPENING_REASON, reason).correlate();
  }

  @Test
  void anExecutorAsksForMoreTimeTheHeadApprovesAndTheDeadlinesMoveWithinTheLaw() {
    ProcessInstance complaint = file("ROADS", "POTHOLE");
    Instant sevenDays = RECEIVED.plus(Duration.ofDays(7));
    assertThat(taskOf(complaint, TASK_RESOLVE).getDueDate()).isEqualTo(Date.from(sevenDays));
    Duration toControllers = Duration.between(sevenDays, ((Date) variable(complaint, SECOND_ESCALATION_DEADLINE)).toInstant());
    moveClockTo(RECEIVED.plus(Duration.ofDays(3)));

    completeAndContinue(complaint, TASK_RESOLVE, Map.of(OUTCOME, "EXTENSION_REQUESTED", EXTENSION_UNTIL, "2026-08-10",
        EXTENSION_REASON, "Потрібна техніка, яка звільниться лише в серпні"));

    Task decide = taskOf(complaint, TASK_DECIDE_EXTENSION);
    assertThat(candidateGroupsOf(decide)).containsExactly("improvement-infrastructure-heads");
    assertThat(taskOf(complaint, TASK_RESOLVE)).as("with the head now").isNull();
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "EXTENSION_REQUESTED");
    assertThatThrownBy(() -> taskService().complete(decide.getId(), Map.of()))
        .hasMessageContaining("extensionDecision");

    completeAndContinue(complaint, TASK_DECIDE_EXTENSION, Map.of(EXTENSION_DECISION, "APPROVED",
        EXTENSION_NOTE, "Погоджено, техніку заброньовано"));

    // to the end of 10 August in Kyiv; the month's term (to 1 August) moves with it, within the 45 days
    Instant newDeadline = ZonedDateTime.of(2026, 8, 11, 0, 0, 0, 0, KYIV).toInstant();
    Task resolve = taskOf(complaint, TASK_RESOLVE);
    assertThat(resolve.getDueDate()).isEqualTo(Date.from(newDeadline));
    assertThat(slaTimerOf(complaint).getDuedate()).isEqualTo(Date.from(newDeadline));
    assertThat(variable(complaint, SECOND_ESCALATION_DEADLINE)).isEqualTo(Date.from(newDeadline.plus(toControllers)));
    assertThat(variable(complaint, STATUTORY_DEADLINE)).isEqualTo(Date.from(newDeadline));
    assertThat(statutoryTimerOf(complaint).getDuedate()).isEqualTo(Date.from(newDeadline));
    ComplaintState extended = state(complaint);
    assertThat(extended.dueAt()).isEqualTo(newDeadline);
    assertThat(extended.statutoryDeadline()).isEqualTo(newDeadline);
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "EXTENSION_REQUESTED",
        "EXTENSION_APPROVED");
    assertThat(notificationsOf(complaint)).filteredOn(n -> "EXTENSION_APPROVED".equals(n.get("event"))).singleElement()
        .satisfies(told -> {
      assertThat(told.get("dueAt")).isEqualTo(Date.from(newDeadline));
    });
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(complaint.getId())
        .variableName(EXTENSION_REASON).includeDeleted().singleResult().getValue()).as("in the audit trail")
        .isEqualTo("Потрібна техніка, яка звільниться лише в серпні");

    fireTimersDueBy(sevenDays.plus(Duration.ofDays(1)));
    assertThat(state(complaint).overdue()).as("the old deadline no longer counts").isFalse();
    resolve(complaint, "Яму залатано");
    assertThat(state(complaint).resolvedOnTime()).isTrue();
  }

  @Test
  void aDeadlineAlreadyEscalatedIsNotEscalatedAgainWhenTheExecutorsGetTheComplaintBack() {
    ProcessInstance complaint = file("WATER", "LOW_PRESSURE");
    fireTimersDueBy(RECEIVED.plus(Duration.ofDays(3)));
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "OVERDUE", "ESCALATED_TO_CONTROLLERS");

    completeAndContinue(complaint, TASK_RESOLVE, Map.of(OUTCOME, "EXTENSION_REQUESTED", EXTENSION_UNTIL, "2026-07-10",
        EXTENSION_REASON, "Потрібен новий насос"));
    completeAndContinue(complaint, TASK_DECIDE_EXTENSION, Map.of(EXTENSION_DECISION, "DECLINED"));
    // the executors' new task: its timers start again at the deadline that passed long ago
    fireTimersDueBy(RECEIVED.plus(Duration.ofDays(3)).plusSeconds(1));

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT, TASK_REVIEW_OVERDUE, TASK_SUPERVISE_OVERDUE)
        .hasPassed("EndEvent_OverdueAlreadyEscalated", "EndEvent_ControllersAlreadyEscalated");
    assertThat(taskQuery().processInstanceBusinessKey(complaint.getBusinessKey()).taskDefinitionKey(TASK_REVIEW_OVERDUE)
        .count()).isEqualTo(1);
    assertThat(taskQuery().processInstanceBusinessKey(complaint.getBusinessKey())
        .taskDefinitionKey(TASK_SUPERVISE_OVERDUE).count()).isEqualTo(1);
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "OVERDUE", "ESCALATED_TO_CONTROLLERS",
        "EXTENSION_REQUESTED", "EXTENSION_DECLINED");
    assertThat(state(complaint).escalationLevel()).isEqualTo(2);
    // the operators' counters: one breach, one escalation of each level
    assertThat(meters.get("cc.sla.breaches").tag("department", "water-utility").counter().count()).isEqualTo(1);
    assertThat(meters.get("cc.escalations").tag("department", "water-utility").tag("reason", "sla_breached")
        .counter().count()).isEqualTo(1);
    assertThat(meters.get("cc.escalations").tag("department", "water-utility").tag("reason", "still_open_after_sla")
        .counter().count()).isEqualTo(1);
  }

  @Test
  void aReClassificationKeepsATermTheHeadExtended() {
    ProcessInstance complaint = file("ROADS", "POTHOLE");
    completeAndContinue(complaint, TASK_RESOLVE, Map.of(OUTCOME, "EXTENSION_REQUESTED", EXTENSION_UNTIL, "2026-08-10",
        EXTENSION_REASON, "Техніка буде в серпні"));
    completeAndContinue(complaint, TASK_DECIDE_EXTENSION, Map.of(EXTENSION_DECISION, "APPROVED"));
    Instant extended = ZonedDateTime.of(2026, 8, 11, 0, 0, 0, 0, KYIV).toInstant();

    completeAndContinue(complaint, TASK_RESOLVE, Map.of(OUTCOME, "NOT_OUR_COMPETENCE", RETURN_REASON, "Це тротуар"));
    completeAndContinue(complaint, TASK_RECLASSIFY, Map.of("classification", "LIGHTING/LAMP_OUT"));

    assertThat(variable(complaint, STATUTORY_DEADLINE)).isEqualTo(Date.from(extended));
    assertThat(statutoryTimerOf(complaint).getDuedate()).isEqualTo(Date.from(extended));
  }

  @Test
  void theFifteenDaysOfAComplaintThatNeedsNoStudyAreNotExtended() {
    ProcessInstance complaint = file("WATER", "LOW_PRESSURE");
    Instant fifteenDays = ZonedDateTime.of(2026, 7, 17, 0, 0, 0, 0, KYIV).toInstant();

    completeAndContinue(complaint, TASK_RESOLVE, Map.of(OUTCOME, "EXTENSION_REQUESTED", EXTENSION_UNTIL, "2026-07-25",
        EXTENSION_REASON, "Заміна насоса"));
    completeAndContinue(complaint, TASK_DECIDE_EXTENSION, Map.of(EXTENSION_DECISION, "APPROVED"));

    assertThat(taskOf(complaint, TASK_RESOLVE).getDueDate())
        .isEqualTo(Date.from(ZonedDateTime.of(2026, 7, 26, 0, 0, 0, 0, KYIV).toInstant()));
    assertThat(state(complaint).statutoryDeadline()).isEqualTo(fifteenDays);
    assertThat(statutoryTimerOf(complaint).getDuedate()).isEqualTo(Date.from(fifteenDays));
  }

  @Test
  void aRequestThatCannotBeGrantedIsRefusedWithTheReasonAndTheTaskStays() {
    ProcessInstance complaint = file("ROADS", "POTHOLE");
    Task task = taskOf(complaint, TASK_RESOLVE);
    Map<String, String> refusals = Map.of(
        "2026-08-16", "forty-five days from receipt, even with an extension: 15.08.2026 at the latest",
        "next week", "YYYY-MM-DD",
        "2026-07-07", "later than the current deadline, 08.07.2026");
    refusals.forEach((until, why) -> assertThatThrownBy(() -> taskService().complete(task.getId(),
        Map.of(OUTCOME, "EXTENSION_REQUESTED", EXTENSION_UNTIL, until, EXTENSION_REASON, "Потрібно більше часу")))
        .as(until).hasMessageContaining("extensionUntil").hasMessageContaining(why));
    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of(OUTCOME, "EXTENSION_REQUESTED",
        EXTENSION_UNTIL, "2026-07-20"))).hasMessageContaining("extensionReason");

    assertThat(taskOf(complaint, TASK_RESOLVE)).isNotNull();
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED");
  }

  @Test
  void aDeclinedRequestKeepsTheDeadlineWhichMayPassWhileTheHeadDecides() {
    ProcessInstance complaint = file("WATER", "LOW_PRESSURE");
    Instant oneDay = RECEIVED.plus(Duration.ofHours(24));
    completeAndContinue(complaint, TASK_RESOLVE, Map.of(OUTCOME, "EXTENSION_REQUESTED", EXTENSION_UNTIL, "2026-07-05",
        EXTENSION_REASON, "Чекаємо на деталі"));
    fireTimersDueBy(oneDay.plus(Duration.ofHours(2)));
    assertThat(state(complaint).overdue()).as("no task waits at the deadline while the head decides").isFalse();

    completeAndContinue(complaint, TASK_DECIDE_EXTENSION, Map.of(EXTENSION_DECISION, "DECLINED",
        EXTENSION_NOTE, "Деталі є на складі"));
    fireTimersDueBy(oneDay.plus(Duration.ofHours(2)));

    assertThat(taskOf(complaint, TASK_RESOLVE).getDueDate()).isEqualTo(Date.from(oneDay));
    assertThat(state(complaint).overdue()).as("past the deadline it kept").isTrue();
    assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "ROUTED", "EXTENSION_REQUESTED",
        "EXTENSION_DECLINED", "OVERDUE");
    assertThat(variable(complaint, EXTENSION_UNTIL)).isNull();
  }

  @Test
  void aComplaintOutsideTheCitysCompetenceIsForwardedAndTheCitizenToldWhere() {
    ProcessInstance complaint = file("WATER", "LOW_PRESSURE");
    completeAndContinue(complaint, TASK_RESOLVE, Map.of(OUTCOME, "NOT_OUR_COMPETENCE",
        RETURN_REASON, "Йдеться про шахрайство з лічильниками: справа поліції"));
    moveClockTo(RECEIVED.plus(Duration.ofDays(3)));

    completeAndContinue(complaint, TASK_RECLASSIFY, Map.of(DISPATCH_DECISION, "FORWARD", FORWARD_TO, "NATIONAL_POLICE"));

    assertThat(complaint).isEnded().hasPassed(BOUNDARY_COMPLAINT_FORWARDED, END_COMPLAINT_FORWARDED)
        .hasNotPassed("Task_RecordReclassification", END_COMPLAINT_CLOSED);
    ComplaintState forwarded = state(complaint);
    assertThat(forwarded.status()).hasToString("FORWARDED");
    assertThat(forwarded.forwardedTo()).isEqualTo("ГУ Національної поліції в Дніпропетровській області");
    assertThat(forwarded.overdue()).isFalse();
    assertThat(forwarded.dueAt()).isNull();
    assertThat(historyEvents(complaint)).endsWith("AWAITING_RECLASSIFICATION", "FORWARDED");
    assertThat(notificationsOf(complaint)).filteredOn(n -> "FORWARDED".equals(n.get("event"))).singleElement()
        .satisfies(told -> {
      assertThat(told.get("forwardedTo")).isEqualTo("ГУ Національної поліції в Дніпропетровській області");
    });
    assertThat(managementService().createJobQuery().processInstanceId(complaint.getId()).count())
        .as("no statutory timer outlives it").isZero();
  }

  @Test
  void aBodyNotOnTheListIsNamedByHand() {
    ProcessInstance complaint = file("OTHER", "OTHER");
    Task task = taskOf(complaint, TASK_RECLASSIFY);
    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of(DISPATCH_DECISION, "FORWARD",
        FORWARD_TO, "OTHER"))).hasMessageContaining("forwardToOther");
    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of(DISPATCH_DECISION, "FORWARD",
        FORWARD_TO, "MINISTRY_OF_MAGIC"))).hasMessageContaining("forwardTo must be one of the form's options");

    completeAndContinue(complaint, TASK_RECLASSIFY, Map.of(DISPATCH_DECISION, "FORWARD", FORWARD_TO, "OTHER",
        FORWARD_TO_OTHER, "Міністерство охорони здоров'я України"));

    assertThat(state(complaint).forwardedTo()).isEqualTo("Міністерство охорони здоров'я України");
  }

  @Test
  void pastFiveDaysFromReceiptAComplaintIsNoLongerForwardedButHandledByTheCity() {
    ProcessInstance complaint = file("OTHER", "OTHER");
    // received 1 July: forwardable to 6 July inclusive
    moveClockTo(ZonedDateTime.of(2026, 7, 6, 23, 59, 0, 0, KYIV).toInstant());
    Task task = taskOf(complaint, TASK_RECLASSIFY);
    moveClockTo(ZonedDateTime.of(2026, 7, 7, 0, 0, 0, 0, KYIV).toInstant());

    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of(DISPATCH_DECISION, "FORWARD",
        FORWARD_TO, "NATIONAL_POLICE"))).hasMessageContaining("within five days of receipt")
        .hasMessageContaining("06.07.2026");

    assertThat(complaint).isWaitingAt(TASK_RECLASSIFY);
    completeAndContinue(complaint, TASK_RECLASSIFY, Map.of(DISPATCH_DECISION, "RECLASSIFY",
        "classification", "HOUSING/ROOF_LEAK"));
    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
  }

  @Test
  void aRepeatedAppealGoesToTheHeadsWhoResolvedTheEarlierOneAndMayBeLeftUnconsidered() {
    ProcessInstance earlier = file("LIGHTING", "LAMP_OUT");
    moveClockTo(RECEIVED.plus(Duration.ofDays(1)));
    resolve(earlier, "Лампу замінено");
    moveClockTo(RECEIVED.plus(Duration.ofDays(10)));

    ProcessInstance repeated = file("LIGHTING", "LAMP_OUT");

    assertThat(repeated).isWaitingAt(TASK_DECIDE_REPEATED_APPEAL);
    Task decide = taskOf(repeated, TASK_DECIDE_REPEATED_APPEAL);
    assertThat(candidateGroupsOf(decide)).containsExactly("street-lighting-heads");
    assertThat(state(repeated).repeatOf()).isEqualTo(earlier.getBusinessKey());
    assertThat(historyEvents(repeated)).containsExactly("REGISTERED", "REPEATED_APPEAL");
    assertThatThrownBy(() -> taskService().complete(decide.getId(), Map.of(REPEAT_DECISION, "LEAVE_UNCONSIDERED")))
        .hasMessageContaining("repeatReason");

    taskService().complete(decide.getId(), Map.of(REPEAT_DECISION, "LEAVE_UNCONSIDERED",
        REPEAT_REASON, "Питання вирішено 2 липня: лампу замінено, світильник справний"));

    assertThat(repeated).isEnded().hasPassed(END_LEFT_UNCONSIDERED).hasNotPassed(TASK_CLASSIFY);
    ComplaintState left = state(repeated);
    assertThat(left.status()).hasToString("LEFT_UNCONSIDERED");
    assertThat(left.resolution()).isEqualTo("Питання вирішено 2 липня: лампу замінено, світильник справний");
    assertThat(historyEvents(repeated)).containsExactly("REGISTERED", "REPEATED_APPEAL", "LEFT_UNCONSIDERED");
    assertThat(notificationsOf(repeated)).filteredOn(n -> "LEFT_UNCONSIDERED".equals(n.get("event"))).singleElement()
        .satisfies(told -> {
      assertThat(told.get("resolution")).isEqualTo("Питання вирішено 2 липня: лампу замінено, світильник справний");
    });
  }

  @Test
  void aRepeatedAppealTheHeadsLeaveUndecidedPastTheStatutoryTermIsRecordedAsPastItsTerm() {
    ProcessInstance earlier = file("LIGHTING", "LAMP_OUT");
    resolve(earlier, "Лампу замінено");
    ProcessInstance repeated = file("LIGHTING", "LAMP_OUT");
    Instant term = ((Date) variable(repeated, STATUTORY_DEADLINE)).toInstant();

    fireTimersDueBy(term.minusSeconds(1));
    assertThat(repeated).hasNotPassed(BOUNDARY_REPEAT_DECISION_OVERDUE);
    fireTimersDueBy(term);

    assertThat(repeated).hasPassed(END_REPEAT_DECISION_OVERDUE_RECORDED).isWaitingAt(TASK_DECIDE_REPEATED_APPEAL);
    assertThat(state(repeated).statutoryDeadlinePassed()).isTrue();
    assertThat(historyEvents(repeated)).containsExactly("REGISTERED", "REPEATED_APPEAL", "STATUTORY_DEADLINE_PASSED");

    completeAndContinue(repeated, TASK_DECIDE_REPEATED_APPEAL, Map.of(REPEAT_DECISION, "LEAVE_UNCONSIDERED",
        REPEAT_REASON, "Питання вирішено: лампу замінено"));
    assertThat(repeated).isEnded().hasPassed(END_LEFT_UNCONSIDERED);
  }

  @Test
  void aRepeatedAppealTheHeadsSendOnAfterTheTermIsEnforcedByTheControllersWithTheTermRecordedOnce() {
    ProcessInstance earlier = file("LIGHTING", "LAMP_OUT");
    resolve(earlier, "Лампу замінено");
    ProcessInstance repeated = file("LIGHTING", "LAMP_OUT");
    Instant term = ((Date) variable(repeated, STATUTORY_DEADLINE)).toInstant();
    fireTimersDueBy(term);

    completeAndContinue(repeated, TASK_DECIDE_REPEATED_APPEAL, Map.of(REPEAT_DECISION, "CONSIDER"));
    fireTimersDueBy(term.plusSeconds(1));

    assertThat(repeated).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT, TASK_ENFORCE_STATUTORY_DEADLINE);
    assertThat(historyEvents(repeated)).startsWith("REGISTERED", "REPEATED_APPEAL", "STATUTORY_DEADLINE_PASSED",
        "REPEATED_APPEAL_CONSIDERED", "ROUTED");
    assertThat(historyEvents(repeated)).filteredOn("STATUTORY_DEADLINE_PASSED"::equals).as("recorded once").hasSize(1);
    assertThat(meters.find("cc.escalations").tag("reason", "statutory_deadline_passed").counters().stream()
        .mapToDouble(counter -> counter.count()).sum()).as("one escalation, not two").isEqualTo(1);
  }

  /**
   * The upgrade that brought the timer above: complaints waiting for the heads' decision on the
   * previous release's version move to the new version (Camunda's migration API, as the application
   * does at start) and get the timer, computed from their own statutory term.
   */
  @Test
  void aComplaintWaitingOnThePreviousReleasesVersionMigratesAndGetsTheNewTimer() {
    var repository = engine.getRepositoryService();
    String previousRelease = repository.createDeployment().name("previous release")
        .addClasspathResource("legacy/ComplaintProcess-before-repeat-timer.bpmn").deploy().getId();
    String thisRelease = null;
    try {
      ProcessInstance earlier = file("LIGHTING", "LAMP_OUT");
      resolve(earlier, "Лампу замінено");
      ProcessInstance waiting = file("LIGHTING", "LAMP_OUT");
      ProcessDefinition previous = repository.getProcessDefinition(waiting.getProcessDefinitionId());
      Object previousTimer = repository.getBpmnModelInstance(previous.getId())
          .getModelElementById(BOUNDARY_REPEAT_DECISION_OVERDUE);
      assertThat(previousTimer).as("the previous release had no such timer").isNull();
      assertThat(waiting).isWaitingAt(TASK_DECIDE_REPEATED_APPEAL);
      String taskBefore = taskOf(waiting, TASK_DECIDE_REPEATED_APPEAL).getId();

      thisRelease = repository.createDeployment().name("this release")
          .addClasspathResource("processes/ComplaintProcess.bpmn").deploy().getId();
      var migration = new RunningInstancesMigration(engine.getProcessEngine(), true).migrate(ComplaintProcess.KEY)
          .orElseThrow();
      assertThat(migration.moving()).isEqualTo(2);
      assertThat(migration.staying()).isZero();
      runBatch(migration.batch());

      ProcessDefinition latest = repository.getProcessDefinition(runtimeService().createProcessInstanceQuery()
          .processInstanceId(waiting.getId()).singleResult().getProcessDefinitionId());
      assertThat(latest.getVersion()).isEqualTo(previous.getVersion() + 1);
      assertThat(taskOf(waiting, TASK_DECIDE_REPEATED_APPEAL).getId()).as("the heads' task itself is kept")
          .isEqualTo(taskBefore);
      Instant term = ((Date) variable(waiting, STATUTORY_DEADLINE)).toInstant();
      assertThat(managementService().createJobQuery().processInstanceId(waiting.getId()).timers()
          .activityId(BOUNDARY_REPEAT_DECISION_OVERDUE).singleResult().getDuedate()).isEqualTo(Date.from(term));

      fireTimersDueBy(term);
      assertThat(waiting).hasPassed(END_REPEAT_DECISION_OVERDUE_RECORDED).isWaitingAt(TASK_DECIDE_REPEATED_APPEAL);
      assertThat(historyEvents(waiting)).containsExactly("REGISTERED", "REPEATED_APPEAL", "STATUTORY_DEADLINE_PASSED");
      assertThat(new RunningInstancesMigration(engine.getProcessEngine(), true).migrate(ComplaintProcess.KEY))
          .as("nothing left to move").isEmpty();
    } finally {
      // the next tests start on the class's own deployment
      repository.deleteDeployment(previousRelease, true);
      if (thisRelease != null) {
        repository.deleteDeployment(thisRelease, true);
      }
    }
  }

  /** Runs a batch's jobs (seed, then the instances', then its monitor) as the job executor would. */
  static void runBatch(org.camunda.bpm.engine.batch.Batch batch) {
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId())) {
      List<org.camunda.bpm.engine.runtime.Job> jobs;
      while (!(jobs = managementService().createJobQuery().jobDefinitionId(definition).list()).isEmpty()) {
        jobs.forEach(job -> managementService().executeJob(job.getId()));
        if (definition.equals(batch.getMonitorJobDefinitionId())) {
          break;
        }
      }
    }
  }

  @Test
  void aRepeatedAppealTheHeadSendsOnIsHandledAsAnyComplaint() {
    ProcessInstance earlier = file("LIGHTING", "LAMP_OUT");
    resolve(earlier, "Лампу замінено");
    ProcessInstance repeated = file("LIGHTING", "LAMP_OUT");

    completeAndContinue(repeated, TASK_DECIDE_REPEATED_APPEAL, Map.of(REPEAT_DECISION, "CONSIDER"));

    assertThat(repeated).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
    assertThat(historyEvents(repeated)).containsExactly("REGISTERED", "REPEATED_APPEAL", "REPEATED_APPEAL_CONSIDERED",
        "ROUTED");
    assertThat(notificationsOf(repeated)).extracting(n -> n.get("event")).contains("REPEATED_APPEAL_CONSIDERED");
  }

  @Test
  void anotherQuestionAnOpenEarlierComplaintOrAnOldResolutionIsNoRepeatedAppeal() {
    ProcessInstance stillOpen = file("LIGHTING", "LAMP_OUT");
    assertThat(file("LIGHTING", "LAMP_OUT")).as("the earlier one is still open").isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
    resolve(stillOpen, "Лампу замінено");
    assertThat(file("LIGHTING", "STREET_DARK")).as("another issue type").isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
    // contact-center.repeated-appeal-period: 30 days after the resolution
    moveClockTo(RECEIVED.plus(Duration.ofDays(30)).plusSeconds(1));
    assertThat(file("LIGHTING", "LAMP_OUT")).as("resolved too long ago").isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
  }

  @Test
  void anotherApplicantAtTheSamePlaceOrTheSameApplicantElsewhereIsNoRepeatedAppeal() {
    ProcessInstance earlier = file("LIGHTING", "LAMP_OUT"); // +380671234567 about вул. Робоча, 1
    resolve(earlier, "Лампу замінено");

    assertThat(fileBy("+380501112233", "вул. Робоча, 1")).as("another applicant about the same place")
        .isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
    assertThat(fileBy("+380671234567", "вул. Робоча, 3")).as("the same applicant about another place")
        .isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
    ProcessInstance repeated = fileBy("+380671234567", "ВУЛ.  Робоча 1");
    assertThat(repeated).as("the same applicant about the same place, written otherwise")
        .isWaitingAt(TASK_DECIDE_REPEATED_APPEAL);
    assertThat(state(repeated).repeatOf()).isEqualTo(earlier.getBusinessKey());
  }

  @Test
  void aComplaintReopenedAfterItsStatutoryTermGoesToTheControllersAtOnce() {
    ProcessInstance complaint = file("WATER", "LOW_PRESSURE");
    moveClockTo(ZonedDateTime.of(2026, 7, 10, 10, 0, 0, 0, KYIV).toInstant());
    resolve(complaint, "Тиск відновлено");
    // within the fourteen days of re-opening, past the fifteen days of the law (16 July inclusive)
    moveClockTo(ZonedDateTime.of(2026, 7, 20, 10, 0, 0, 0, KYIV).toInstant());

    runtimeService().createMessageCorrelation(ComplaintProcess.MESSAGE_COMPLAINT_REOPENED)
        .processInstanceBusinessKey(complaint.getBusinessKey()).setVariable(REOPENING_REASON, "Знову слабкий тиск")
        .correlate();
    fireTimersDueBy(ZonedDateTime.of(2026, 7, 20, 10, 0, 0, 0, KYIV).toInstant());

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT, TASK_ENFORCE_STATUTORY_DEADLINE);
    assertThat(state(complaint).statutoryDeadlinePassed()).isTrue();
  }

  @Test
  void aComplaintThatNeedsNoAdditionalStudyHasFifteenDays() {
    ProcessInstance complaint = file("WATER", "LOW_PRESSURE");
    // received 1 July 09:00: the fifteen days run from 2 to 16 July inclusive, until midnight in Kyiv
    Instant fifteenDays = ZonedDateTime.of(2026, 7, 17, 0, 0, 0, 0, KYIV).toInstant();

    assertThat(variable(complaint, STATUTORY_DEADLINE)).isEqualTo(Date.from(fifteenDays));
    assertThat(state(complaint).statutoryDeadline()).isEqualTo(fifteenDays);
    assertThat(statutoryTimerOf(complaint).getDuedate()).isEqualTo(Date.from(fifteenDays));
    assertThat(engine.getRuntimeService().getVariables(taskOf(complaint, TASK_RESOLVE).getExecutionId()))
        .doesNotContainKey("needsStudy");

    fireTimersDueBy(fifteenDays.minusSeconds(1));
    assertThat(complaint).hasNotPassed(START_STATUTORY_DEADLINE_PASSED);
    fireTimersDueBy(fifteenDays);
    assertThat(complaint).hasPassed(START_STATUTORY_DEADLINE_PASSED);
    assertThat(candidateGroupsOf(taskOf(complaint, TASK_ENFORCE_STATUTORY_DEADLINE))).containsExactly("controllers");
  }

  @Test
  void aReClassificationSetsTheTermOfTheNewClassificationStillFromTheFirstReceipt() {
    ProcessInstance complaint = file("OTHER", "OTHER");
    Instant oneMonth = ZonedDateTime.of(2026, 8, 2, 0, 0, 0, 0, KYIV).toInstant();
    assertThat(statutoryTimerOf(complaint).getDuedate()).isEqualTo(Date.from(oneMonth));
    moveClockTo(RECEIVED.plus(Duration.ofDays(2)));

    completeAndContinue(complaint, TASK_RECLASSIFY, Map.of("classification", "WATER/NO_WATER"));

    Instant fifteenDays = ZonedDateTime.of(2026, 7, 17, 0, 0, 0, 0, KYIV).toInstant();
    assertThat(variable(complaint, STATUTORY_DEADLINE)).isEqualTo(Date.from(fifteenDays));
    assertThat(state(complaint).statutoryDeadline()).isEqualTo(fifteenDays);
    assertThat(statutoryTimerOf(complaint).getDuedate()).as("the waiting timer moved").isEqualTo(Date.from(fifteenDays));
  }

  @Test
  void fortyFiveDaysWithoutDecisionGoToTheControllersAsAViolationOfTheLaw() {
    ProcessInstance complaint = file("ROADS", "POTHOLE");
    Instant limit = ZonedDateTime.of(2026, 8, 16, 0, 0, 0, 0, KYIV).toInstant();
    fireTimersDueBy(ZonedDateTime.of(2026, 8, 2, 0, 0, 0, 0, KYIV).toInstant());
    taskService().complete(taskOf(complaint, TASK_ENFORCE_STATUTORY_DEADLINE).getId(),
        Map.of(CONTROL_NOTE, "Доручено розглянути негайно"));
    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT, TASK_REVIEW_OVERDUE, TASK_SUPERVISE_OVERDUE,
        CATCH_STATUTORY_LIMIT_REACHED);

    fireTimersDueBy(limit.minusSeconds(1));
    assertThat(complaint).hasNotPassed(TASK_MARK_STATUTORY_LIMIT_PASSED);
    assertThat(state(complaint).statutoryLimitPassed()).isFalse();
    fireTimersDueBy(limit);

    Task violation = taskOf(complaint, TASK_HANDLE_STATUTORY_VIOLATION);
    assertThat(candidateGroupsOf(violation)).containsExactly("controllers");
    assertThat(violation.getPriority()).isEqualTo(100);
    assertThat(state(complaint).statutoryLimitPassed()).isTrue();
    assertThat(historyEvents(complaint)).endsWith("STATUTORY_DEADLINE_PASSED", "STATUTORY_LIMIT_PASSED");
    assertThatThrownBy(() -> taskService().complete(violation.getId(), Map.of(CONTROL_NOTE, " ")))
        .hasMessageContaining("controlNote is required");
    taskService().complete(violation.getId(), Map.of(CONTROL_NOTE, "Порушення зафіксовано, відповідальних визначено"));
    assertThat(complaint).hasPassed("EndEvent_StatutoryViolationHandled");

    resolve(complaint, "Яму залатано");
    assertThat(complaint).isWaitingAt(GATEWAY_AWAIT_REOPENING);
    assertThat(state(complaint).statutoryLimitPassed()).as("the violation stays on record").isTrue();
  }

  @Test
  void aComplaintDecidedWithinItsTermNeverWaitsForTheFortyFiveDays() {
    ProcessInstance complaint = file("ROADS", "POTHOLE");
    resolve(complaint, "Яму залатано");
    fireTimersDueBy(ZonedDateTime.of(2026, 8, 20, 0, 0, 0, 0, KYIV).toInstant());
    assertThat(complaint).hasNotPassed(START_STATUTORY_DEADLINE_PASSED, CATCH_STATUTORY_LIMIT_REACHED);
    assertThat(state(complaint).statutoryLimitPassed()).isFalse();
  }

  @Test
  void theCitizenIsToldOfEachChangeThroughTheChannelTheComplaintCameFrom() {
    ProcessInstance complaint = file("WATER", "LOW_PRESSURE");
    fireTimersDueBy(RECEIVED.plus(Duration.ofHours(25)));
    completeAndContinue(complaint, TASK_RESOLVE, Map.of(OUTCOME, "NOT_OUR_COMPETENCE", RETURN_REASON, "Не наша мережа"));
    completeAndContinue(complaint, TASK_RECLASSIFY, Map.of("classification", "HOUSING/BUILDING_MAINTENANCE"));
    resolve(complaint, "Тиск відновлено після заміни насоса");
    runtimeService().correlateMessage(ComplaintProcess.MESSAGE_COMPLAINT_REOPENED, complaint.getBusinessKey());

    List<Map<String, Object>> notifications = notificationsOf(complaint);

    assertThat(notifications).extracting(n -> n.get("event"))
        .containsExactly("REGISTERED", "OVERDUE", "RETURNED", "RESOLVED", "REOPENED");
    assertThat(notifications).allSatisfy(n -> {
      assertThat(n.get("(topic)")).isEqualTo("citizen-notification-hotline");
      assertThat(n).as("the topic is the task's, not a stored variable").doesNotContainKey("notificationTopic");
      assertThat(n.get("complaintNumber")).isEqualTo(complaint.getBusinessKey());
      assertThat(n.get("recipientPhone")).isEqualTo("+380671234567");
    });
    assertThat(notifications.get(1)).containsEntry("status", "IN_PROGRESS").containsEntry("department", "water-utility")
        .containsEntry("departmentName", "КП «Дніпроводоканал»")
        .containsEntry("dueAt", Date.from(RECEIVED.plus(Duration.ofHours(24))));
    assertThat(notifications.get(3)).containsEntry("status", "RESOLVED")
        .containsEntry("resolution", "Тиск відновлено після заміни насоса");
    // only the hotline's account may see and work them, a grant on each
    for (var notification : runtimeService().createProcessInstanceQuery().processDefinitionKey("CitizenNotification")
        .processInstanceBusinessKey(complaint.getBusinessKey()).list()) {
      assertThat(engine.getAuthorizationService().createAuthorizationQuery()
          .resourceType(Resources.PROCESS_INSTANCE).resourceId(notification.getId())
          .list()).singleElement().satisfies(grant -> {
            assertThat(grant.getUserId()).isEqualTo("hotline");
            assertThat(grant.getPermissions(Permissions.values()))
                .containsExactlyInAnyOrder(Permissions.NONE,
                    Permissions.READ,
                    Permissions.UPDATE);
          });
    }
  }

  @Test
  void aDeliveredNotificationIsNoLongerTheChannelsBusiness() {
    ProcessInstance complaint = file("POWER", "DAMAGED_WIRES");
    var notification = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("CitizenNotification").processInstanceBusinessKey(complaint.getBusinessKey()).singleResult();
    var delivery = engine.getExternalTaskService().fetchAndLock(1, "hotline-adapter")
        .topic("citizen-notification-hotline", 60_000).execute();
    assertThat(delivery).hasSize(1);

    engine.getExternalTaskService().complete(delivery.get(0).getId(), "hotline-adapter");
    for (Job job : managementService().createJobQuery().processInstanceId(notification.getId()).list()) {
      managementService().executeJob(job.getId());
    }

    assertThat(notification).isEnded().hasPassed("EndEvent_CitizenNotified");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(notification.getId())
        .count()).isZero();
  }

  @Test
  void theAuditTrailKeepsTheWorkAndWhereItEndedButNotTheRouting() {
    ProcessInstance complaint = file("WATER", "PIPE_BURST");
    resolve(complaint, "Трубу замінено");

    var history = engine.getHistoryService();
    var trail = history.createHistoricProcessInstanceQuery().rootProcessInstanceId(complaint.getId()).list().stream()
        .flatMap(instance -> history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list()
            .stream()).toList();
    assertThat(trail).extracting(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityType)
        .as("gateways, plain start events and embedded sub-process scopes only route the token")
        .doesNotContainAnyElementsOf(AuditTrailHistoryLevel.ROUTING_ONLY)
        .contains("serviceTask", "businessRuleTask", "callActivity", "userTask", "noneEndEvent");
    assertThat(trail).extracting(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId)
        .contains(TASK_REGISTER, TASK_CLASSIFY, CALL_RESOLVE_IN_DEPARTMENT, CALL_WATCH_EMERGENCY,
            DepartmentWork.Elements.TASK_RESOLVE, DepartmentWork.Elements.END_DEPARTMENT_DECIDED);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().rootProcessInstanceId(complaint.getId())
        .taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).finished().count()).isOne();
  }

  @Test
  void theFormsShowTheComplaintInKyivTimeAndNamesWithoutTouchingItsVariables() {
    ProcessInstance complaint = file("WATER", "NO_WATER");
    Task task = taskOf(complaint, TASK_RESOLVE);

    records.recordDistrict(complaint.getBusinessKey(), "CHECHELIVSKYI"); // as the intake records the filing
    // what the form reads: the task's form variables, made when they are read
    Map<String, Object> shown = formService().getTaskFormVariables(task.getId());
    assertThat(shown).containsEntry("receivedAtText", "01.07.2026 09:00").containsEntry("dueAtText", "01.07.2026 15:00")
        .containsEntry("applicantName", "Коваленко Олена Петрівна").containsEntry("applicantPhone", "+380671234567")
        .containsEntry("description", "Опис проблеми від заявника").containsEntry("inboxAddress", "вул. Робоча, 1")
        .containsEntry("channelName", "Гаряча лінія (оператори)")
        .containsEntry("districtName", "Чечелівський").containsEntry("departmentName", "КП «Дніпроводоканал»");
    // the department's task is in the department's process: it carries what its form shows, which
    // the complaint's process does not hold (nor the schedule, which the task keeps itself)
    assertThat(shown).doesNotContainKeys("slaDeadline", "slaReminderAt", "taskPriority", "category", "department");
    assertThat(variable(complaint, "applicantName")).as("the complaint's process holds no personal data").isNull();
    // the list's columns: local to the task, which the department may read
    assertThat(taskService().getVariablesLocal(task.getId())).containsEntry("inboxNumber", complaint.getBusinessKey())
        .containsEntry("inboxAddress", "вул. Робоча, 1").containsEntry("inboxCategory", "Водопостачання та водовідведення");
    assertThat(variable(complaint, RECEIVED_AT)).as("used at registration only, never stored").isNull();
    // nothing the form shows is stored for it: a filing writes no display copies
    assertThat(taskService().getVariablesLocal(task.getId()).keySet())
        .containsExactlyInAnyOrder("inboxNumber", "inboxAddress", "inboxCategory");
    assertThat(taskService().getVariables(task.getId())).doesNotContainKeys("applicantName", "applicantPhone",
        "description", "receivedAtText", "dueAtText", "channelName", "districtName", "departmentName");
    assertThat(runtimeService().getVariables(complaint.getId())).doesNotContainKeys("receivedAtText", "channelName",
        "districtName");
    // and it shows the complaint as it is now: the task's due date moved, the form follows
    task.setDueDate(Date.from(RECEIVED.plus(Duration.ofHours(8))));
    taskService().saveTask(task);
    assertThat(formService().getTaskFormVariables(task.getId())).containsEntry("dueAtText", "01.07.2026 17:00");
  }

  @Test
  void theEngineKeepsReferencesToPersonalDataNeverTheDataAndNoHistoryOfThem() throws Exception {
    ProcessInstance complaint = file("WATER", "NO_WATER");
    resolve(complaint, "Засувку відкрито, воду подано");

    try (var connection = engine.getProcessEngineConfiguration().getDataSource().getConnection();
        var statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE TEXT_ LIKE '%+380671234567%' "
            + "OR TEXT_ LIKE '%Коваленко%' OR TEXT_ LIKE '%Робоча%' OR TEXT_ LIKE '%Опис проблеми%'")) {
      rows.next();
      assertThat(rows.getInt(1)).isZero();
    }
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(complaint.getId())
        .list()).extracting(org.camunda.bpm.engine.history.HistoricVariableInstance::getName)
        .as("history keeps what people decided, not the process's own variables")
        .containsExactlyInAnyOrder(OUTCOME, RESOLUTION);
    for (var called : engine.getHistoryService().createHistoricProcessInstanceQuery()
        .superProcessInstanceId(complaint.getId()).list()) {
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(called.getId()).list())
          .as("the department's and the emergency watch's tasks").isNotEmpty()
          .allSatisfy(task -> assertThat(task.getName()).doesNotContain("Робоча"));
    }
  }

  @Test
  void theDispatcherChoosesTheNewClassificationFromTheCatalogue() {
    ProcessInstance complaint = file("OTHER", "OTHER");
    Task task = taskOf(complaint, TASK_RECLASSIFY);
    String options = ((org.camunda.bpm.engine.variable.value.SerializableValue) taskService()
        .getVariableLocalTyped(task.getId(), "classificationOptions", false)).getValueSerialized();
    assertThat(options).contains("\"value\":\"HOUSING/ROOF_LEAK\"").contains("Житлово-комунальні послуги — Протікає дах");

    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of("classification", "HOUSING/NO_WATER")))
        .hasMessageContaining("classification must be one of the form's options, was 'HOUSING/NO_WATER'");
    assertThatThrownBy(() -> taskService().complete(task.getId(), Map.of("classification", "HOUSING")))
        .hasMessageContaining("classification must be one of the form's options, was 'HOUSING'");

    completeAndContinue(complaint, TASK_RECLASSIFY, Map.of("classification", "HOUSING/ROOF_LEAK"));

    assertThat(complaint).isWaitingAt(CALL_RESOLVE_IN_DEPARTMENT);
    assertThat(variable(complaint, CATEGORY)).isEqualTo("HOUSING");
    assertThat(variable(complaint, ISSUE_TYPE)).isEqualTo("ROOF_LEAK");
    assertThat(candidateGroupsOf(taskOf(complaint, TASK_RESOLVE))).containsExactly("housing");
  }

  @Test
  void aResolutionLongerThanTheFormAllowsIsRefused() {
    ProcessInstance complaint = file("WATER", "NO_WATER");
    assertThatThrownBy(() -> taskService().complete(taskOf(complaint, TASK_RESOLVE).getId(),
        Map.of(OUTCOME, "RESOLVED", RESOLUTION, "x".repeat(4001)))).hasMessageContaining("at most 4000 characters");
  }

  @Test
  void theRoutingTableSeesOnlyTheCategoryIssueTypeAndMonthNeverTheApplicant() {
    // the table an analyst once got past the gate: it answered with the applicant's phone
    String leaking = table("decisions/ComplaintRouting.dmn").replaceFirst(
        "<outputEntry id=\"Rule_Water_NoWater_out1\"><text>\"water-utility\"</text>",
        "<outputEntry id=\"Rule_Water_NoWater_out1\"><text>if applicantPhone = null then \"water-utility\" "
            + "else \"water-utility\" + applicantPhone</text>");
    String deployment = deploy("ComplaintRouting.dmn", leaking);
    try {
      ProcessInstance complaint = file("WATER", "NO_WATER");

      assertThat(candidateGroupsOf(taskOf(complaint, TASK_RESOLVE))).containsExactly("water-utility");
      assertThat(state(complaint).department()).isEqualTo("water-utility");
      assertThat(records.history(complaint.getBusinessKey()).get(1)).containsEntry("routingTableVersion", 2);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void aDepartmentTheCityHasNotConfiguredSendsTheComplaintToTheDispatchersAsAClassifierFault() {
    String deployment = deploy("ComplaintRouting.dmn", table("decisions/ComplaintRouting.dmn").replaceFirst(
        "<outputEntry id=\"Rule_Water_NoWater_out1\"><text>\"water-utility\"</text>",
        "<outputEntry id=\"Rule_Water_NoWater_out1\"><text>\"water-utilty\"</text>"));
    try {
      ProcessInstance complaint = file("WATER", "NO_WATER");

      assertThat(complaint).isWaitingAt(TASK_RECLASSIFY);
      assertThat(candidateGroupsOf(taskOf(complaint, TASK_RECLASSIFY))).containsExactly("dispatchers");
      assertThat(state(complaint).department()).isEqualTo("dispatchers");
      assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "CLASSIFIER_FAULT", "AWAITING_RECLASSIFICATION");
      assertThat(faults.latest(1)).singleElement().satisfies(fault -> {
        assertThat(fault.complaintNumber()).isEqualTo(complaint.getBusinessKey());
        assertThat(fault.decisionKey()).isEqualTo("ComplaintRouting");
        assertThat(fault.decisionVersion()).isEqualTo(2);
        assertThat(fault.problem()).isEqualTo("department 'water-utilty' is not configured");
      });
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void aTierWithoutSlaTermsSendsTheComplaintToTheDispatchersAsAClassifierFault() {
    String sla = table("decisions/SlaTier.dmn");
    String withoutEmergency = sla.replaceFirst("(?s)<rule id=\"Rule_Emergency\">.*?</rule>", "");
    assertThat(withoutEmergency).isNotEqualTo(sla);
    String deployment = deploy("SlaTier.dmn", withoutEmergency);
    try {
      ProcessInstance complaint = file("WATER", "NO_WATER");

      assertThat(complaint).isWaitingAt(TASK_RECLASSIFY).hasPassed(BOUNDARY_SLA_TERMS_MISSING);
      assertThat(historyEvents(complaint)).containsExactly("REGISTERED", "CLASSIFIER_FAULT", "AWAITING_RECLASSIFICATION");
      assertThat(faults.latest(1).get(0).problem()).isEqualTo("no valid terms for tier 'EMERGENCY'");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  static String table(String path) {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String deploy(String name, String table) {
    return engine.getRepositoryService().createDeployment().addString(name, table).deploy().getId();
  }

  // --- given/when/then helpers -------------------------------------------------------------

  ProcessInstance file(String category, String issueType) {
    complaints++;
    String number = "2026-%06d".formatted(complaints);
    InMemoryPersonalData.keepFixtureApplicant(number);
    return runtimeService().startProcessInstanceByKey(ComplaintProcess.KEY, number,
        ComplaintFixtures.startVariables(category, issueType, ClockUtil.getCurrentTime().toInstant()));
  }

  /** A street-lighting complaint (LIGHTING/LAMP_OUT) of the fixture's applicant, with this phone, about this place. */
  ProcessInstance fileBy(String phone, String locationAddress) {
    complaints++;
    String number = "2026-%06d".formatted(complaints);
    InMemoryPersonalData.shared().insert(ua.dnipro.contactcenter.personaldata.PersonalData.filed(number, "Олена",
        "Коваленко", "Петрівна", phone, null, "вул. Січеславська Набережна, 5", "Опис проблеми від заявника",
        locationAddress, 48.4593, 35.0183));
    return runtimeService().startProcessInstanceByKey(ComplaintProcess.KEY, number,
        ComplaintFixtures.startVariables("LIGHTING", "LAMP_OUT", ClockUtil.getCurrentTime().toInstant()));
  }

  void resolve(ProcessInstance complaint, String resolution) {
    completeAndContinue(complaint, TASK_RESOLVE, Map.of(OUTCOME, "RESOLVED", RESOLUTION, resolution));
  }

  /** Completes the task and runs the save point after it, as the job executor would. */
  void completeAndContinue(ProcessInstance complaint, String taskKey, Map<String, Object> variables) {
    taskService().complete(taskOf(complaint, taskKey).getId(), variables);
    // the complaint's and those of the processes it called (a department's work)
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(complaint.getBusinessKey()).list()) {
      for (Job job : managementService().createJobQuery().processInstanceId(instance.getId()).messages().list()) {
        managementService().executeJob(job.getId());
      }
    }
  }

  static void moveClockTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Moves the clock and executes the timers due by then, earliest first. */
  static void fireTimersDueBy(Instant instant) {
    moveClockTo(instant);
    List<Job> due;
    while (!(due = managementService().createJobQuery().timers()
        .duedateLowerThan(Date.from(instant.plusMillis(1))).orderByJobDuedate().asc().list()).isEmpty()) {
      managementService().executeJob(due.get(0).getId());
    }
  }

  static Task taskOf(ProcessInstance complaint, String taskKey) {
    return taskQuery().processInstanceBusinessKey(complaint.getBusinessKey()).taskDefinitionKey(taskKey).singleResult();
  }

  static Job statutoryTimerOf(ProcessInstance complaint) {
    return managementService().createJobQuery().processInstanceId(complaint.getId())
        .activityId(START_STATUTORY_DEADLINE_PASSED).singleResult();
  }

  static Job slaTimerOf(ProcessInstance complaint) {
    return managementService().createJobQuery().processInstanceId(complaint.getId())
        .activityId(BOUNDARY_SLA_BREACHED).singleResult();
  }

  static List<String> candidateGroupsOf(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  static Object variable(ProcessInstance complaint, String name) {
    return runtimeService().getVariable(complaint.getId(), name);
  }

  static Object historicVariable(ProcessInstance complaint, String name) {
    var variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(complaint.getId()).variableName(name).disableCustomObjectDeserialization().singleResult();
    return variable == null ? null : variable.getValue();
  }

  /** The notifications started for the complaint, oldest first, with their variables. */
  static List<Map<String, Object>> notificationsOf(ProcessInstance complaint) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("CitizenNotification")
        .processInstanceBusinessKey(complaint.getBusinessKey()).orderByProcessInstanceStartTime().asc().list().stream()
        .map(notification -> {
          // a notification's payload has no history: read while it waits for its channel
          Map<String, Object> variables = new java.util.HashMap<>();
          if (notification.getEndTime() == null) {
            variables.putAll(runtimeService().getVariables(notification.getId()));
            // not a variable: the channel's topic is its external task's
            variables.put("(topic)", engine.getExternalTaskService().createExternalTaskQuery()
                .processInstanceId(notification.getId()).singleResult().getTopicName());
          }
          return variables;
        }).toList();
  }

  static List<String> historyEvents(ProcessInstance complaint) {
    return records.history(complaint.getBusinessKey()).stream().map(entry -> (String) entry.get("event")).toList();
  }

  static ComplaintState state(ProcessInstance complaint) {
    return records.state(complaint.getBusinessKey());
  }
}
