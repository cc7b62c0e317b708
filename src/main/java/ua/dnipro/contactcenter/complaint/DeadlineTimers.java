package ua.dnipro.contactcenter.complaint;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/**
 * Moves a complaint's waiting timer when its deadline moves (a classification that changes the
 * statutory term, an approved extension). The engine computes a timer's date when the timer is
 * created; the timers found here are this process instance's, at the named event, both those
 * already stored and those created in this very transaction (the filing classifies the complaint
 * in the transaction that started it, before anything is stored).
 */
public final class DeadlineTimers {

  private DeadlineTimers() {
  }

  /**
   * Sets the due date of the complaint's timers at the event {@code activityId}.
   *
   * @return how many timers were moved (none if the event is not waiting: passed, or not reached)
   */
  public static int move(DelegateExecution execution, String activityId, Date dueDate) {
    CommandContext commandContext = Context.getCommandContext();
    String processInstanceId = execution.getProcessInstanceId();
    Map<String, JobEntity> jobs = new LinkedHashMap<>();
    for (JobEntity job : commandContext.getJobManager().findJobsByProcessInstanceId(processInstanceId)) {
      jobs.put(job.getId(), job);
    }
    // created in this transaction, not stored yet (and those read above, as cached: the same objects);
    // looked for among all cached entities, as the cache keys jobs by a type of its own
    for (CachedDbEntity cached : commandContext.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
      if (cached.getEntity() instanceof TimerEntity timer && processInstanceId.equals(timer.getProcessInstanceId())) {
        jobs.putIfAbsent(timer.getId(), timer);
      }
    }
    int moved = 0;
    for (JobEntity job : jobs.values()) {
      if (job instanceof TimerEntity timer && activityId.equals(timer.getActivityId())) {
        timer.setDuedate(dueDate);
        moved++;
      }
    }
    return moved;
  }
}
