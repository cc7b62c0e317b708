package ua.dnipro.contactcenter.inbox;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.organisation.Organisation;
import ua.dnipro.contactcenter.organisation.OrganisationPart;
import ua.dnipro.contactcenter.organisation.Provisioning;

/** The inbox's share of the organisation: its Tasklist filters, and per-task grants narrowed to task work. */
@Component
class InboxSetup implements OrganisationPart {

  private static final Logger LOG = LoggerFactory.getLogger(InboxSetup.class);

  private final InboxFilters filters;
  private final AuthorizationService authorizationService;

  InboxSetup(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
      RepositoryService repositoryService) {
    this.filters = new InboxFilters(filterService, taskService, authorizationService, repositoryService);
    this.authorizationService = authorizationService;
  }

  @Override
  public void provision(Organisation organisation, Provisioning provisioning) {
    filters.ensure(organisation, provisioning);
    int narrowed = TaskGrants.narrowToTaskWork(authorizationService);
    if (narrowed > 0) {
      LOG.info("Narrowed {} task grants from UPDATE to TASK_WORK", narrowed);
    }
  }
}
