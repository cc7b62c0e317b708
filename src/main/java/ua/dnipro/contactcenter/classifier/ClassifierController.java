package ua.dnipro.contactcenter.classifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import ua.dnipro.contactcenter.api.ApiCaller;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.api.Problems;
import ua.dnipro.contactcenter.classifier.ClassifierDeployments.ClassifierRejected;
import ua.dnipro.contactcenter.classifier.ClassifierVersions.ClassifierVersion;
import ua.dnipro.contactcenter.classifier.ClassifierVersions.Source;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.routing.ClassifierFaults;

/** The analysts' classifier: versions, upload through the gate, export and roll-back. */
@RestController
@RequestMapping("/api/v1/classifier")
@Tag(name = "Classifier", description = "For analysts: the routing and SLA tables, their versions and deployment")
class ClassifierController {

  private final ClassifierDeployments deployments;
  private final ClassifierVersions versions;
  private final ClassifierRelease release;
  private final ObjectMapper json;
  private final ClassifierFaults faults;

  ClassifierController(ClassifierDeployments deployments, ClassifierVersions versions, ClassifierRelease release,
      ObjectMapper json, ClassifierFaults faults) {
    this.faults = faults;
    this.deployments = deployments;
    this.versions = versions;
    this.release = release;
    this.json = json;
  }

  /** A classifier version as analysts see it. */
  record VersionView(long id, Instant deployedAt, String deployedBy, Source source, String comment, int routingVersion,
      int slaVersion, Long rolledBackTo, Map<String, Map<String, List<String>>> changes) {
  }

  @GetMapping("/versions")
  @Operation(summary = "Every deployed classifier version, newest first: who, when, how, what changed")
  List<VersionView> versions(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireAnalyst(caller);
    return versions.all().stream().map(this::view).toList();
  }

  @GetMapping("/versions/{id}")
  VersionView version(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable long id) {
    requireAnalyst(caller);
    return view(find(id));
  }

  @GetMapping("/versions/{id}/files/{name}")
  @Operation(summary = "A table or example file of a version, e.g. to put it back into decisions/ in the repository")
  ResponseEntity<byte[]> file(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable long id,
      @PathVariable String name) {
    requireAnalyst(caller);
    byte[] content = deployments.filesOf(find(id)).files().get(name);
    if (content == null) {
      throw ApiException.notFound("version " + id + " has no file " + name);
    }
    return ResponseEntity.ok()
        .contentType(name.endsWith(".csv") ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
            : MediaType.APPLICATION_XML)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(content);
  }

  @PostMapping(path = "/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Deploy a new version: ComplaintRouting.dmn and/or SlaTier.dmn, optionally with example files",
      description = "Checked by the gate first; 400 with every problem and nothing deployed, or 201 with the version.")
  ResponseEntity<?> upload(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
      MultipartHttpServletRequest request, @RequestParam(name = "comment", required = false) String comment)
      throws IOException {
    requireAnalyst(caller);
    Map<String, byte[]> uploaded = new LinkedHashMap<>();
    for (List<MultipartFile> files : request.getMultiFileMap().values()) {
      for (MultipartFile file : files) {
        uploaded.put(fileName(file.getOriginalFilename()), file.getBytes());
      }
    }
    return deployed(() -> deployments.deploy(new ClassifierFiles(uploaded), caller.userId(), Source.UPLOAD,
        trim(comment), null));
  }

  @PostMapping("/versions/{id}/rollback")
  @Operation(summary = "Deploy an earlier version again, as a new version, through the same gate")
  ResponseEntity<?> rollBack(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable long id) {
    requireAnalyst(caller);
    find(id);
    return deployed(() -> deployments.rollBack(id, caller.userId()));
  }

  @GetMapping("/faults")
  @Operation(summary = "Complaints the deployed tables could not route at run time (they went to the dispatchers), newest first")
  List<ClassifierFaults.Fault> faults(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireAnalyst(caller);
    return faults.latest(100);
  }

  @GetMapping("/drift")
  @Operation(summary = "Whether the deployed classifier is the one in the repository's decisions/")
  ClassifierRelease.Drift drift(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireAnalyst(caller);
    return release.drift();
  }

  private ResponseEntity<?> deployed(java.util.function.Supplier<ClassifierVersion> deployment) {
    try {
      ClassifierVersion version = deployment.get();
      return ResponseEntity.created(URI.create("/api/v1/classifier/versions/" + version.id())).body(view(version));
    } catch (ClassifierRejected rejected) {
      return ResponseEntity.badRequest().body(rejection(rejected));
    }
  }

  static ProblemDetail rejection(ClassifierRejected rejected) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "classifier-rejected",
        "The classifier was not deployed", rejected.problems().size() + " problem(s); nothing was deployed");
    problem.setProperty("errors", rejected.problems());
    return problem;
  }

  static void requireAnalyst(ApiCaller caller) {
    if (!caller.groups().contains(CityGroups.ANALYSTS) && !caller.groups().contains(CityGroups.ADMINS)) {
      throw ApiException.forbidden("only analysts (group '" + CityGroups.ANALYSTS + "') and administrators manage the classifier");
    }
  }

  /** The name a file is known by: without the folders a browser or Modeler may send with it. */
  static String fileName(String original) {
    if (original == null) {
      return "";
    }
    String name = original.replace('\\', '/');
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private ClassifierVersion find(long id) {
    return versions.byId(id).orElseThrow(() -> ApiException.notFound("no classifier version " + id));
  }

  private VersionView view(ClassifierVersion version) {
    try {
      return new VersionView(version.id(), version.deployedAt(), version.deployedBy(), version.source(),
          version.comment(), version.routingVersion(), version.slaVersion(), version.rolledBackTo(),
          json.readValue(version.changes(), new TypeReference<>() {
          }));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String trim(String text) {
    return text == null || text.isBlank() ? null : text.trim().substring(0, Math.min(text.trim().length(), 500));
  }
}
