package ua.dnipro.contactcenter.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.emergency.EmergencyWatch;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.testing.ApplicationConfiguration;

/**
 * The models and the code agree, read from the files as deployed: every id constant names an element
 * of its model, every expression a model calls names a bean of the application, and every candidate
 * group written into a model is a group the application creates.
 */
class ModelContractTests {

  static final Path PROCESSES = Path.of("processes");

  @Test
  void everyIdConstantNamesAnElementOfItsModel() throws Exception {
    assertConstantsNameElements(ComplaintProcess.Elements.class, "ComplaintProcess.bpmn");
    assertConstantsNameElements(DepartmentWork.Elements.class, "DepartmentWork.bpmn");
    assertConstantsNameElements(EmergencyWatch.Elements.class, "EmergencyWatch.bpmn");
  }

  @Test
  void everyExpressionAModelCallsNamesABeanOfTheApplication() throws IOException {
    Set<String> beans = applicationBeans();
    Pattern expression = Pattern.compile("(?:delegateExpression|expression)=\"\\$\\{([a-zA-Z][a-zA-Z0-9]*)[.}]");
    List<String> unknown = new ArrayList<>();
    for (Path model : models()) {
      Matcher matcher = expression.matcher(Files.readString(model));
      while (matcher.find()) {
        if (!beans.contains(matcher.group(1)) && !Set.of("execution", "task").contains(matcher.group(1))) {
          unknown.add(model.getFileName() + ": ${" + matcher.group(1) + "}");
        }
      }
    }
    assertThat(unknown).isEmpty();
  }

  @Test
  void everyCandidateGroupWrittenIntoAModelIsAGroupTheApplicationCreates() throws Exception {
    Set<String> groups = new HashSet<>();
    for (Field field : CityGroups.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().endsWith("_NAME")) {
        groups.add((String) field.get(null));
      }
    }
    ContactCenterProperties city = ApplicationConfiguration.contactCenter();
    city.departments().forEach(department -> groups.add(department.id()));
    List<String> unknown = new ArrayList<>();
    for (Path model : models()) {
      BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
      for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
        String candidates = task.getCamundaCandidateGroups();
        if (candidates == null) {
          continue;
        }
        for (String group : candidates.split(",")) {
          String literal = group.trim();
          // expressions (${department}, ${department}-heads, ${repeatDecidedBy}) are the routing's
          if (!literal.contains("${") && !groups.contains(literal)) {
            unknown.add(model.getFileName() + " " + task.getId() + ": " + literal);
          }
        }
      }
    }
    assertThat(unknown).isEmpty();
  }

  static void assertConstantsNameElements(Class<?> constants, String file) throws Exception {
    BpmnModelInstance model = Bpmn.readModelFromFile(PROCESSES.resolve(file).toFile());
    List<String> missing = new ArrayList<>();
    for (Field field : constants.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String id = (String) field.get(null);
        if (!(model.getModelElementById(id) instanceof BaseElement)) {
          missing.add(field.getName() + " = " + id);
        }
      }
    }
    assertThat(missing).as("constants of %s naming no element of %s", constants.getName(), file).isEmpty();
  }

  static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  /** The application's bean names, as component scanning names them (without starting it). */
  static Set<String> applicationBeans() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
    AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> beans = new HashSet<>();
    scanner.findCandidateComponents("ua.dnipro.contactcenter").forEach(candidate ->
        beans.add(names.generateBeanName((AnnotatedBeanDefinition) candidate, registry)));
    return beans;
  }
}
