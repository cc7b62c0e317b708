package ua.dnipro.contactcenter.photos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What a photo is, told from its bytes, and its copies without location and device metadata. */
class PhotoFormatTests {

  @Test
  void eachFormatIsToldFromItsBytesAndAnythingElseIsNoPhoto() {
    assertThat(PhotoFormat.sniff(PhotoFixtures.jpegWithGps())).contains(PhotoFormat.JPEG);
    assertThat(PhotoFormat.sniff(PhotoFixtures.plainPng())).contains(PhotoFormat.PNG);
    assertThat(PhotoFormat.sniff(PhotoFixtures.webpWithExif())).contains(PhotoFormat.WEBP);
    assertThat(PhotoFormat.sniff(PhotoFixtures.heicWithExif())).contains(PhotoFormat.HEIC);
    assertThat(PhotoFormat.sniff(PhotoFixtures.renamedExecutable())).as("an ELF program called photo.jpg").isEmpty();
    assertThat(PhotoFormat.sniff("MZ\u0090\u0000 a Windows program".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(PhotoFormat.sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(PhotoFormat.sniff(new byte[0])).isEqualTo(Optional.empty());
  }

  @Test
  void aPhonesJpegLosesItsGpsPositionAndCameraButKeepsItsPicture() throws IOException {
    byte[] taken = PhotoFixtures.jpegWithGps();
    assertThat(contains(taken, "Exif")).isTrue();
    assertThat(contains(taken, PhotoFixtures.MODEL)).isTrue();

    byte[] shared = PhotoFormat.JPEG.withoutMetadata(taken);

    assertThat(contains(shared, "Exif")).isFalse();
    assertThat(contains(shared, PhotoFixtures.CAMERA)).isFalse();
    assertThat(contains(shared, PhotoFixtures.MODEL)).isFalse();
    var picture = ImageIO.read(new ByteArrayInputStream(shared));
    assertThat(picture.getWidth()).isEqualTo(64);
    assertThat(picture.getHeight()).isEqualTo(48);
    assertThat(shared).as("the picture's bytes are those of the photo without its APP1 segment")
        .isEqualTo(PhotoFixtures.plainJpeg());
  }

  @Test
  void pngWebpAndHeicLoseTheirExifToo() throws IOException {
    byte[] png = PhotoFormat.PNG.withoutMetadata(PhotoFixtures.pngWithExif());
    assertThat(contains(PhotoFixtures.pngWithExif(), PhotoFixtures.MODEL)).isTrue();
    assertThat(contains(png, "eXIf")).isFalse();
    assertThat(contains(png, PhotoFixtures.MODEL)).isFalse();
    assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(64);

    byte[] webp = PhotoFormat.WEBP.withoutMetadata(PhotoFixtures.webpWithExif());
    assertThat(contains(webp, "EXIF")).isFalse();
    assertThat(contains(webp, PhotoFixtures.MODEL)).isFalse();
    assertThat(contains(webp, "VP8L")).as("the picture stays").isTrue();
    assertThat(webp[20] & 0x08).as("VP8X no longer says it has EXIF").isZero();
    assertThat(PhotoFormat.u32le(webp, 4)).as("RIFF size").isEqualTo(webp.length - 8);

    byte[] heic = PhotoFormat.HEIC.withoutMetadata(PhotoFixtures.heicWithExif());
    assertThat(contains(PhotoFixtures.heicWithExif(), PhotoFixtures.MODEL)).isTrue();
    assertThat(contains(heic, PhotoFixtures.MODEL)).isFalse();
    assertThat(contains(heic, PhotoFixtures.CAMERA)).isFalse();
    assertThat(contains(heic, "HEVC-PICTURE-DATA")).as("the picture stays").isTrue();
    assertThat(heic).hasSameSizeAs(PhotoFixtures.heicWithExif());
  }

  @Test
  void whatFollowsTheEndOfAJpegGoesAndItsColourProfileStays() throws IOException {
    byte[] icc = PhotoFixtures.concat(new byte[] {(byte) 0xFF, (byte) 0xE2, 0, 18},
        "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {1, 1, 9, 9});
    byte[] taken = PhotoFixtures.jpegWithGps();
    // a phone's motion photo: a clip (with where it was taken) appended after the picture's end
    byte[] motion = PhotoFixtures.concat(taken, ("ftypmp42 GPS 48.4647 35.0462 " + PhotoFixtures.MODEL)
        .getBytes(StandardCharsets.ISO_8859_1));
    byte[] withProfile = PhotoFixtures.concat(java.util.Arrays.copyOf(motion, 2), icc,
        java.util.Arrays.copyOfRange(motion, 2, motion.length));

    byte[] shared = PhotoFormat.JPEG.withoutMetadata(withProfile);

    assertThat(contains(shared, PhotoFixtures.MODEL)).isFalse();
    assertThat(contains(shared, "GPS")).isFalse();
    assertThat(contains(shared, "ICC_PROFILE")).as("colours stay right").isTrue();
    assertThat(ImageIO.read(new ByteArrayInputStream(shared)).getWidth()).isEqualTo(64);
  }

  @Test
  void aHeicMadeToKeepTheServerBusyIsRefusedAsNotWellFormed() {
    byte[] heic = PhotoFixtures.heicWithExif();
    String text = new String(heic, StandardCharsets.ISO_8859_1);
    int iloc = text.indexOf("iloc");
    // the one item's extent count raised to 65,535, with nothing in the box to locate them
    heic[iloc + 4 + 4 + 2 + 2 + 2 + 2] = (byte) 0xFF;
    heic[iloc + 4 + 4 + 2 + 2 + 2 + 2 + 1] = (byte) 0xFF;
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PhotoFormat.HEIC.withoutMetadata(heic))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static boolean contains(byte[] bytes, String text) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
  }
}
