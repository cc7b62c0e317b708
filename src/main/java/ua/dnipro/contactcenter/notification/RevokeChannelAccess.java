package ua.dnipro.contactcenter.notification;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A delivered notification is none of the channel's business any more: its grant goes. */
@Component("revokeChannelAccess")
public class RevokeChannelAccess implements ExecutionListener {

  @Override
  public void notify(DelegateExecution notification) {
    AuthorizationService authorizations = notification.getProcessEngineServices().getAuthorizationService();
    for (Authorization grant : authorizations.createAuthorizationQuery()
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(notification.getProcessInstanceId()).list()) {
      authorizations.deleteAuthorization(grant.getId());
    }
  }
}
