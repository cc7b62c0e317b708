package ua.dnipro.contactcenter.personaldata;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Stores a {@link PersonalDataReference} in an engine variable (the complaint's number and the
 * field's name, nothing else) and reads it back as the text it refers to now, asking the vault,
 * which logs the read if it is a person's request. To every reader (Tasklist's forms and columns,
 * engine REST) the variable is a String; to the engine's tables and history, a reference.
 */
public class PersonalDataSerializer implements TypedValueSerializer<TypedValue> {

  public static final String NAME = "cc-personal-data";

  /** Resolves a reference for a reader (the engine's authenticated user, or null). */
  public interface Resolver {
    String resolve(PersonalDataReference reference, String reader);
  }

  private final Resolver resolver;

  public PersonalDataSerializer(Resolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public String getName() {
    return NAME;
  }

  /** Strings to everyone who reads them; only a reference is ever handed to this serializer to write. */
  @Override
  public ValueType getType() {
    return ValueType.STRING;
  }

  @Override
  public boolean canHandle(TypedValue value) {
    return value.getValue() instanceof PersonalDataReference;
  }

  @Override
  public TypedValue convertToTypedValue(UntypedValueImpl untypedValue) {
    return new ReferenceValue((PersonalDataReference) untypedValue.getValue(), untypedValue.isTransient());
  }

  @Override
  public void writeValue(TypedValue value, ValueFields fields) {
    PersonalDataReference reference = (PersonalDataReference) value.getValue();
    fields.setTextValue(reference.complaintNumber());
    fields.setTextValue2(reference.field().name());
  }

  @Override
  public TypedValue readValue(ValueFields fields, boolean deserializeValue, boolean asTransientValue) {
    PersonalDataReference reference = new PersonalDataReference(fields.getTextValue(),
        PersonalDataField.valueOf(fields.getTextValue2()));
    CommandContext command = Context.getCommandContext();
    return Variables.stringValue(resolver.resolve(reference, command == null ? null : command.getAuthenticatedUserId()),
        asTransientValue);
  }

  @Override
  public String getSerializationDataformat() {
    return null;
  }

  @Override
  public boolean isMutableValue(TypedValue value) {
    return false;
  }

  /** A reference on its way into the engine. */
  record ReferenceValue(PersonalDataReference value, boolean isTransient) implements TypedValue {

    @Override
    public Object getValue() {
      return value;
    }

    @Override
    public ValueType getType() {
      return ValueType.STRING;
    }
  }
}
