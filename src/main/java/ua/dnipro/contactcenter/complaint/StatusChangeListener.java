package ua.dnipro.contactcenter.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Told of every recorded change, in the same transaction (a citizen's notification, say). */
public interface StatusChangeListener {

  /**
   * @param complaint the complaint's execution
   * @param event what happened
   * @param state the complaint's state after the change, as recorded
   */
  void statusChanged(DelegateExecution complaint, ComplaintEvent event, ComplaintState state);
}
