package baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Plain Camunda 7 on Spring Boot, nothing of ours: the engine, its REST API, full history, one
 * process (benchmark/PlainOneTaskProcess.bpmn). The baseline the intake benchmark compares with;
 * outside the application's packages, so that its component scan never meets it, and started in its own JVM with {@code --spring.config.location=classpath:benchmark/plain-camunda.yaml}.
 */
@SpringBootApplication
public class PlainCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(PlainCamundaApplication.class, args);
  }
}
