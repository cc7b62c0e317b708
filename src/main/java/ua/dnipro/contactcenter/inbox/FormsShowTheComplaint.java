package ua.dnipro.contactcenter.inbox;

import ua.dnipro.contactcenter.complaint.ParseListeners;
import java.util.List;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Lets every user task with a Camunda Form show the complaint as it is when the form is read: the
 * task's form data gets the form's shown fields, with values that {@link PresentComplaintInInbox}
 * makes then (Tasklist loads a form's values as the task's form variables, which start with the
 * form data's fields). Submitting a form is left to the engine's own handler, untouched.
 */
@Component
public class FormsShowTheComplaint extends AbstractProcessEnginePlugin {

  /** The bean that makes the shown values, as the models' task listeners name it. */
  static final String PRESENTER = "${presentComplaintInInbox}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterBpmnParse(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        if (userTask.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          TaskDefinition task = behavior.getTaskDefinition();
          task.setTaskFormHandler(new ShowingTheComplaint(task.getTaskFormHandler()));
        }
      }
    });
  }

  /** The engine's handler of a task's form, with the form's shown fields added to what it reads. */
  static final class ShowingTheComplaint implements TaskFormHandler {

    private final TaskFormHandler engines;

    ShowingTheComplaint(TaskFormHandler engines) {
      this.engines = engines;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      TaskFormData form = engines.createTaskForm(task);
      Object presenter = Context.getProcessEngineConfiguration().getExpressionManager().createExpression(PRESENTER)
          .getValue(task);
      if (presenter instanceof PresentComplaintInInbox present) {
        List<FormField> fields = form.getFormFields();
        for (FormField shown : present.formFields(task)) {
          if (fields.stream().noneMatch(field -> field.getId().equals(shown.getId()))) {
            fields.add(shown);
          }
        }
      }
      return form;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
      engines.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
      engines.submitFormVariables(properties, variableScope);
    }
  }
}
