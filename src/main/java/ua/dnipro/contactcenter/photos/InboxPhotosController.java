package ua.dnipro.contactcenter.photos;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.complaint.DepartmentWork;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.personaldata.PersonalDataVault;

/**
 * Photos for people logged into Tasklist (its session, as the browser sends it with the form's
 * images): the department that holds the complaint (its executors and heads) sees them as taken,
 * the dispatchers and administrators without location and device metadata, nobody else at all. The department's
 * executors add photos of the finished work here (with Tasklist's XSRF token), from the page the
 * form links to.
 */
@RestController
class InboxPhotosController {

  static final String PATH = "/inbox/photos/";
  static final String CSRF_TOKEN = "CAMUNDA_CSRF_TOKEN";
  static final String CSRF_HEADER = "X-XSRF-TOKEN";

  private final Photos photos;
  private final ComplaintRecords complaints;
  private final PersonalDataVault personalData;
  private final ContactCenterProperties properties;
  private final TaskService taskService;
  private final org.camunda.bpm.engine.IdentityService identityService;
  private final String engineName;

  InboxPhotosController(Photos photos, ComplaintRecords complaints, PersonalDataVault personalData,
      ContactCenterProperties properties, TaskService taskService, ProcessEngine engine) {
    this.identityService = engine.getIdentityService();
    this.photos = photos;
    this.complaints = complaints;
    this.personalData = personalData;
    this.properties = properties;
    this.taskService = taskService;
    this.engineName = engine.getName();
  }

  /** Who is logged into the webapps in this session. */
  record SessionUser(String id, List<String> groups) {
  }

  @GetMapping(PATH + "{id}")
  ResponseEntity<byte[]> photo(HttpServletRequest request, @PathVariable String id) {
    SessionUser user = user(request);
    Photo photo = photos.find(id).orElseThrow(() -> ApiException.notFound("no photo " + id));
    ComplaintState state = complaints.find(photo.complaintNumber())
        .orElseThrow(() -> ApiException.notFound("no photo " + id));
    boolean department = ofDepartment(user, state);
    boolean others = user.groups().contains(CityGroups.DISPATCHERS) || user.groups().contains(CityGroups.DUTY_DISPATCHERS)
        || user.groups().contains(CityGroups.ADMINS);
    if (!department && !others) {
      throw ApiException.forbidden("a complaint's photos are for the department that holds it and the dispatchers");
    }
    personalData.logRead(user.id(), photo.complaintNumber());
    return image(photo, photos.bytes(photo, department));
  }

  @PostMapping(path = "/inbox/complaints/{number}/work-photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<List<Photo>> workPhotos(HttpServletRequest request, @PathVariable String number,
      @RequestPart(name = "photo", required = false) List<MultipartFile> files) {
    SessionUser user = user(request);
    checkCsrf(request);
    ComplaintState state = complaints.find(number).orElseThrow(() -> ApiException.notFound("no complaint " + number));
    if (properties.department(state.department()) == null || !user.groups().contains(state.department())) {
      throw ApiException.forbidden("photos of the finished work are added by the executors of the department that "
          + "holds the complaint");
    }
    if (taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(DepartmentWork.Elements.TASK_RESOLVE).count() == 0) {
      throw ApiException.conflict("not-in-work", "The complaint is not being worked",
          "photos of the finished work are added while the department's task is open, before it is resolved");
    }
    List<Photo> taken = photos.upload(number, Photo.Kind.WORK, files, user.id());
    return ResponseEntity.created(URI.create("/api/v1/complaints/" + number + "/photos")).body(taken);
  }

  private boolean ofDepartment(SessionUser user, ComplaintState state) {
    String department = state.department();
    return department != null && properties.department(department) != null
        && (user.groups().contains(department) || user.groups().contains(CityGroups.headsOf(department)));
  }

  private SessionUser user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "not-logged-in", "Log into Tasklist first",
          "photos are shown to people logged into Tasklist");
    }
    // the groups as they are now, not as they were at log-in: a person moved out of a department, or
    // deleted, sees no more of its photos (the webapps re-check only on their own paths)
    List<String> groups = identityService.createGroupQuery().groupMember(user.getName()).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    return new SessionUser(user.getName(), groups);
  }

  /** The webapps' own token (double submit: their cookie, read by the page, in a header that only script can set). */
  private static void checkCsrf(HttpServletRequest request) {
    Object expected = request.getSession(false).getAttribute(CSRF_TOKEN);
    String sent = request.getHeader(CSRF_HEADER);
    if (expected == null || sent == null || !MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8),
        sent.getBytes(StandardCharsets.UTF_8))) {
      throw ApiException.forbidden(CSRF_HEADER + ": Tasklist's XSRF token is required");
    }
  }

  /** A photo's bytes as an image, never cached by others, never guessed at. */
  static ResponseEntity<byte[]> image(Photo photo, byte[] bytes) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(photo.mediaType()))
        .cacheControl(CacheControl.noStore().cachePrivate())
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
        .header("X-Content-Type-Options", "nosniff")
        .body(bytes);
  }

}
