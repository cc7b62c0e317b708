package ua.dnipro.contactcenter.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Told of every recorded change, in the same transaction (a citizen's notification, say). */
public interface StatusChangeListener {

  void statusChanged(DelegateExecution complaint, ComplaintEvent event);
}
