package ua.dnipro.contactcenter.complaint;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Variables a step hands to the next steps of the same transaction, never stored. A complaint
 * started by an earlier release may still hold a stored variable of the same name, which the
 * engine would refuse to overwrite with a transient one: that copy goes first.
 */
public final class TransientVariables {

  private TransientVariables() {
  }

  public static void set(VariableScope scope, String name, TypedValue transientValue) {
    TypedValue existing = scope.getVariableTyped(name, false);
    if (existing != null && !existing.isTransient()) {
      scope.removeVariable(name);
    }
    scope.setVariable(name, transientValue);
  }
}
