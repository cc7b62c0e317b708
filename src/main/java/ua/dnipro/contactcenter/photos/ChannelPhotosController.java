package ua.dnipro.contactcenter.photos;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ua.dnipro.contactcenter.api.ApiCaller;
import ua.dnipro.contactcenter.api.ApiException;
import ua.dnipro.contactcenter.complaint.ComplaintRecords;
import ua.dnipro.contactcenter.complaint.ComplaintState;
import ua.dnipro.contactcenter.personaldata.PersonalDataVault;

/**
 * The filing channel's photos of its complaint: the citizen's, which it uploads, and the
 * executors' proof of the finished work, to show the citizen. Only that channel; every copy it gets
 * is without location and device metadata. Photos are never public.
 */
@RestController
@RequestMapping("/api/v1/complaints/{number}/photos")
@Tag(name = "Photos", description = "For the channel that filed the complaint: the citizen's photos and the executors' "
    + "photos of the finished work")
class ChannelPhotosController {

  private final Photos photos;
  private final ComplaintRecords complaints;
  private final PersonalDataVault personalData;

  ChannelPhotosController(Photos photos, ComplaintRecords complaints, PersonalDataVault personalData) {
    this.photos = photos;
    this.complaints = complaints;
    this.personalData = personalData;
  }

  /** A photo as the channel sees it listed. */
  record PhotoView(String id, Photo.Kind kind, String mediaType, int sizeBytes, Instant uploadedAt, String url) {

    static PhotoView of(String number, Photo photo) {
      return new PhotoView(photo.id(), photo.kind(), photo.mediaType(), photo.sizeBytes(), photo.uploadedAt(),
          "/api/v1/complaints/" + number + "/photos/" + photo.id());
    }
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Attach the citizen's photos (multipart/form-data, part 'photo', repeated)",
      description = "JPEG, PNG, WebP or HEIC, told from the bytes (415 otherwise); at most 10 MB each (413) and 5 per "
          + "complaint (422), as configured. All or none. The department sees them on its task in Tasklist.")
  ResponseEntity<List<PhotoView>> upload(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
      @PathVariable String number, @RequestPart(name = "photo", required = false) List<MultipartFile> files) {
    filedBy(caller, number);
    List<PhotoView> taken = photos.upload(number, Photo.Kind.CITIZEN, files, caller.userId()).stream()
        .map(photo -> PhotoView.of(number, photo)).toList();
    return ResponseEntity.created(URI.create("/api/v1/complaints/" + number + "/photos")).body(taken);
  }

  @GetMapping
  @Operation(summary = "The complaint's photos: the citizen's and the finished work's")
  List<PhotoView> list(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String number) {
    filedBy(caller, number);
    return photos.of(number).stream().map(photo -> PhotoView.of(number, photo)).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One photo, without location and device metadata")
  ResponseEntity<byte[]> photo(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String number,
      @PathVariable String id) {
    filedBy(caller, number);
    Photo photo = photos.find(id).filter(found -> found.complaintNumber().equals(number))
        .orElseThrow(() -> ApiException.notFound("complaint " + number + " has no photo " + id));
    personalData.logRead(caller.userId(), number);
    return InboxPhotosController.image(photo, photos.bytes(photo, false));
  }

  private void filedBy(ApiCaller caller, String number) {
    String channel = caller.requireChannel().code();
    ComplaintState state = complaints.find(number).orElseThrow(() -> ApiException.notFound("no complaint " + number));
    if (!state.channel().equals(channel)) {
      throw ApiException.forbidden("complaint " + number + " was filed through another channel; its photos are that "
          + "channel's only");
    }
  }
}
