package ua.dnipro.contactcenter.classifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import ua.dnipro.contactcenter.classifier.ClassifierDeployments.ClassifierRejected;
import ua.dnipro.contactcenter.classifier.ClassifierVersions.ClassifierVersion;
import ua.dnipro.contactcenter.classifier.ClassifierVersions.Source;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.complaint.AsApplication;
import ua.dnipro.contactcenter.security.RequestPaths;

/**
 * Camunda Modeler's "Deploy" posts to /engine-rest/deployment/create; here that request goes
 * through the classifier's gate instead of straight into the engine. Analysts and administrators
 * may deploy the routing and SLA tables this way, nobody may deploy anything else (no processes,
 * no scripts); every other way to deploy or re-deploy is closed by the engine API's policy. Answers in the engine REST API's own
 * format, so Modeler shows the gate's problems as its error message.
 */
class ModelerDeploymentGate extends OncePerRequestFilter {

  private static final Pattern CREATE = Pattern.compile("/engine-rest(/engine/[^/]+)?/deployment/create/?");

  private final IdentityService identityService;
  private final ClassifierDeployments deployments;
  private final RepositoryService repositoryService;
  private final ObjectMapper json;

  ModelerDeploymentGate(IdentityService identityService, ClassifierDeployments deployments,
      RepositoryService repositoryService, ObjectMapper json) {
    this.identityService = identityService;
    this.deployments = deployments;
    this.repositoryService = repositoryService;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.of(request);
    boolean post = "POST".equalsIgnoreCase(request.getMethod());
    if (!post || !CREATE.matcher(path).matches()) {
      chain.doFilter(request, response);
      return;
    }
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getGroupIds() == null
        || !(caller.getGroupIds().contains(CityGroups.ANALYSTS) || caller.getGroupIds().contains(CityGroups.ADMINS))) {
      answer(response, 403, "AuthorizationException",
          "Only analysts and administrators deploy, and only the classifier's decision tables");
      return;
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Part part : request.getParts()) {
      if (part.getSubmittedFileName() != null) {
        files.put(ClassifierController.fileName(part.getSubmittedFileName()), part.getInputStream().readAllBytes());
      }
    }
    String comment = request.getParameter("deployment-name");
    try {
      // the gate runs as the application, not as the caller: the caller's rights were checked above
      Map<String, Object> deployed = AsApplication.run(identityService, () -> deploymentDto(deployments.deploy(
          new ClassifierFiles(files), caller.getUserId(), Source.MODELER, comment, null), comment));
      response.setStatus(200);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), deployed);
    } catch (ClassifierRejected rejected) {
      StringBuilder message = new StringBuilder("The classifier was not deployed:");
      rejected.problems().forEach(problem -> message.append("\n- ").append(problem.field()).append(": ")
          .append(problem.message()).append(" [").append(problem.rule()).append("]"));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "InvalidRequestException");
      body.put("message", message.toString());
      body.put("problems", rejected.problems());
      response.setStatus(400);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), body);
    }
  }

  /** The engine REST API's answer to a deployment, as Modeler expects it. */
  private Map<String, Object> deploymentDto(ClassifierVersion version, String name) {
    Map<String, Object> decisions = new LinkedHashMap<>();
    for (DecisionDefinition definition : repositoryService.createDecisionDefinitionQuery()
        .deploymentId(version.deploymentId()).list()) {
      decisions.put(definition.getId(), Map.of("id", definition.getId(), "key", definition.getKey(),
          "name", String.valueOf(definition.getName()), "version", definition.getVersion(),
          "resource", definition.getResourceName(), "deploymentId", definition.getDeploymentId()));
    }
    Map<String, Object> dto = new LinkedHashMap<>();
    dto.put("links", List.of());
    dto.put("id", version.deploymentId());
    dto.put("name", name == null ? ClassifierDeployments.DEPLOYMENT_NAME : name);
    dto.put("source", "modeler");
    dto.put("deploymentTime", version.deployedAt().toString());
    dto.put("tenantId", null);
    dto.put("deployedProcessDefinitions", null);
    dto.put("deployedCaseDefinitions", null);
    dto.put("deployedDecisionDefinitions", decisions);
    dto.put("deployedDecisionRequirementsDefinitions", null);
    dto.put("classifierVersion", version.id());
    return dto;
  }

  private void answer(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Map.of("type", type, "message", message));
  }
}
