package ua.dnipro.contactcenter.photos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.complaint.EngineClock;
import ua.dnipro.contactcenter.config.ContactCenterProperties;

/**
 * A complaint's photos: taken only if they are what they claim (JPEG, PNG, WebP or HEIC, told from
 * the bytes) and within the limits, kept as uploaded for the department and without location and
 * device metadata for everybody else, and shown on the department's and the dispatchers' tasks.
 */
@Service
public class Photos {

  /** The variables Tasklist's forms show the citizen's photos from (image components, "=photo1"...). */
  static final List<String> SLOTS = List.of("photo1", "photo2", "photo3", "photo4", "photo5");

  /** Closed for the citizen's photos: answered or handed over. */
  static final java.util.Set<ua.dnipro.contactcenter.complaint.ComplaintStatus> CLOSED = java.util.Set.of(
      ua.dnipro.contactcenter.complaint.ComplaintStatus.RESOLVED, ua.dnipro.contactcenter.complaint.ComplaintStatus.FORWARDED,
      ua.dnipro.contactcenter.complaint.ComplaintStatus.LEFT_UNCONSIDERED);

  private final PhotoStore store;
  private final TaskService taskService;
  private final ContactCenterProperties properties;
  private final Environment environment;
  private final ua.dnipro.contactcenter.complaint.ComplaintRecords complaints;
  private final ua.dnipro.contactcenter.personaldata.PersonalDataVault personalData;

  public Photos(PhotoStore store, TaskService taskService, ContactCenterProperties properties, Environment environment,
      ua.dnipro.contactcenter.complaint.ComplaintRecords complaints,
      ua.dnipro.contactcenter.personaldata.PersonalDataVault personalData) {
    this.store = store;
    this.taskService = taskService;
    this.properties = properties;
    this.environment = environment;
    this.complaints = complaints;
    this.personalData = personalData;
  }

  /**
   * Takes the uploaded files as photos of the complaint, all or none: 422 without a file or beyond
   * the number per complaint, 413 for a file over the size limit, 415 for a file that is no photo.
   */
  @Transactional
  public List<Photo> upload(String number, Photo.Kind kind, List<MultipartFile> files, String uploader) {
    Violations violations = new Violations();
    int max = properties.photos().maxPerComplaint();
    if (files == null || files.isEmpty()) {
      violations.add("photo", "required", "at least one file in the multipart part 'photo'");
      throw violations.exception();
    }
    ua.dnipro.contactcenter.complaint.ComplaintState state = complaints.findForUpdate(number)
        .orElseThrow(() -> ApiException.notFound("no complaint " + number));
    if (personalData.forApplication(number).map(ua.dnipro.contactcenter.personaldata.PersonalData::anonymised)
        .orElse(true)) {
      throw ApiException.conflict("forgotten", "The complaint's personal data is forgotten",
          "complaint " + number + " was closed long ago and its personal data forgotten: it takes no more photos");
    }
    if (kind == Photo.Kind.CITIZEN && CLOSED.contains(state.status())) {
      throw ApiException.conflict("closed", "The complaint is closed",
          "complaint " + number + " is " + state.status() + ": re-open it to send more photos");
    }
    // the complaint's row locked (above): two uploads at once cannot both pass the limit
    int already = store.count(number, kind);
    if (already + files.size() > max) {
      violations.add("photo", "max-count", "at most " + max + " photos per complaint"
          + (kind == Photo.Kind.WORK ? " of the finished work" : "") + "; " + already + " already, " + files.size()
          + " more sent");
      throw violations.exception();
    }
    long maxBytes = properties.photos().maxSize().toBytes();
    List<Photo> taken = new ArrayList<>();
    for (MultipartFile file : files) {
      String name = file.getOriginalFilename() == null ? "(no name)" : file.getOriginalFilename();
      if (file.getSize() > maxBytes) {
        throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "photo-too-large", "A photo is too large",
            "photo: at most " + properties.photos().maxSize().toMegabytes() + " MB per photo; '" + name + "' has "
                + String.format(Locale.ROOT, "%.1f", file.getSize() / 1024d / 1024d) + " MB");
      }
      byte[] bytes = bytesOf(file);
      PhotoFormat format = PhotoFormat.sniff(bytes).orElseThrow(() -> new ApiException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-photo", "Not a photo",
          "photo: JPEG, PNG, WebP or HEIC, as the file's own bytes tell (its name and declared type do not count); '"
              + name + "' is none of them"));
      byte[] shared;
      try {
        shared = format.withoutMetadata(bytes);
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        violations.add("photo", "well-formed", "'" + name + "' is not a well-formed " + format + " file");
        throw violations.exception();
      }
      Photo photo = new Photo(UUID.randomUUID().toString(), number, kind, format.mediaType(), bytes.length,
          EngineClock.now(), uploader);
      store.insert(photo, already + taken.size() + 1, bytes, shared);
      taken.add(photo);
    }
    if (kind == Photo.Kind.CITIZEN) {
      showOnOpenTasks(number);
    }
    return taken;
  }

  public List<Photo> of(String number) {
    return store.of(number);
  }

  public Optional<Photo> find(String id) {
    return store.find(id);
  }

  /** The photo's bytes: as uploaded for the department, without location and device data for anybody else. */
  public byte[] bytes(Photo photo, boolean asUploaded) {
    return store.bytes(photo.id(), asUploaded);
  }

  /** Where Tasklist's forms load the citizen's photos of the complaint from, in slot order. */
  List<String> urlsForTasks(String number) {
    // resolved when used: it may name the port the server listens on (${local.server.port})
    String base = environment.resolvePlaceholders(properties.photos().baseUrl()).replaceAll("/+$", "");
    return store.of(number).stream().filter(photo -> photo.kind() == Photo.Kind.CITIZEN)
        .map(photo -> base + InboxPhotosController.PATH + photo.id()).limit(SLOTS.size()).toList();
  }

  /** Shows the citizen's photos on the complaint's open tasks whose forms show photos. */
  void showOnOpenTasks(String number) {
    List<String> urls = urlsForTasks(number);
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(number).list()) {
      if (ShowPhotosOnTask.SHOWN_ON.contains(task.getTaskDefinitionKey())) {
        for (int i = 0; i < urls.size(); i++) {
          taskService.setVariableLocal(task.getId(), SLOTS.get(i), urls.get(i));
        }
      }
    }
  }

  private static byte[] bytesOf(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
