package ua.dnipro.contactcenter.inbox;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The names an earlier release's process gave its completion checks. Complaints started before the
 * upgrade stay on that process version and still call them; they now check the task's form as this
 * release's {@code checkTaskForm} does.
 */
@Configuration(proxyBeanMethods = false)
class EarlierReleaseListeners {

  @Bean("checkExecutorDecision")
  TaskListener checkExecutorDecision(CheckTaskForm checkTaskForm) {
    return checkTaskForm::notify;
  }

  @Bean("checkRequiredFields")
  TaskListener checkRequiredFields(CheckTaskForm checkTaskForm) {
    return checkTaskForm::notify;
  }
}
