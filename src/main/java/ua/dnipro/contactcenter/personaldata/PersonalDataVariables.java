package ua.dnipro.contactcenter.personaldata;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;

/** Teaches the engine to keep {@link PersonalDataReference}s instead of personal data. */
public class PersonalDataVariables extends AbstractProcessEnginePlugin {

  private final PersonalDataSerializer.Resolver resolver;

  public PersonalDataVariables(PersonalDataSerializer.Resolver resolver) {
    this.resolver = resolver;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
    serializers.add(0, new PersonalDataSerializer(resolver));
    configuration.setCustomPreVariableSerializers(serializers);
  }
}
