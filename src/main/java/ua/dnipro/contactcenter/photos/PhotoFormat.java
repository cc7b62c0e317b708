package ua.dnipro.contactcenter.photos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The photo formats a complaint may carry, told from the bytes (never from the name or the declared
 * type), and copies of them without the metadata that tells where and with which device a photo
 * was taken: EXIF (GPS position, camera and phone model, time), XMP and comments.
 */
public enum PhotoFormat {
  JPEG("image/jpeg"),
  PNG("image/png"),
  WEBP("image/webp"),
  HEIC("image/heic");

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");
  /** PNG chunks that hold metadata: EXIF and the text chunks (where XMP lives too). */
  private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");
  /** WebP chunks that hold metadata. */
  private static final Set<String> WEBP_METADATA = Set.of("EXIF", "XMP ");

  private final String mediaType;

  PhotoFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /** What the bytes are, if they are one of the photo formats. */
  public static Optional<PhotoFormat> sniff(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
      return Optional.of(JPEG);
    }
    if (bytes.length >= 8 && Arrays.equals(Arrays.copyOf(bytes, 8), PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (bytes.length >= 12 && ascii(bytes, 0, 4).equals("RIFF") && ascii(bytes, 8, 4).equals("WEBP")) {
      return Optional.of(WEBP);
    }
    if (bytes.length >= 12 && ascii(bytes, 4, 4).equals("ftyp") && HEIF_BRANDS.contains(ascii(bytes, 8, 4))) {
      return Optional.of(HEIC);
    }
    return Optional.empty();
  }

  /**
   * A copy without location and device metadata. JPEG: APP1 to APP15 (EXIF, XMP, maker data) and
   * comments are left out (the colour profile and Adobe's colour flag stay), and so is anything
   * after the end of the picture (previews, motion clips); PNG: eXIf and the text chunks; WebP: the
   * EXIF and XMP chunks (and their flags); HEIC: the bytes of its Exif and XMP items are overwritten
   * with zeros in place (the file's structure stays as it is). The picture itself is untouched.
   *
   * @throws IllegalArgumentException if the file is not well formed
   */
  public byte[] withoutMetadata(byte[] bytes) {
    return switch (this) {
      case JPEG -> jpeg(bytes);
      case PNG -> png(bytes);
      case WEBP -> webp(bytes);
      case HEIC -> Heif.withoutExif(bytes);
    };
  }

  private static byte[] jpeg(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    out.write(in, 0, 2);
    int at = 2;
    while (at + 2 <= in.length) {
      if ((in[at] & 0xFF) != 0xFF) {
        throw new IllegalArgumentException("not a JPEG segment at " + at);
      }
      int marker = in[at + 1] & 0xFF;
      if (marker == 0xFF) {
        at++; // fill byte
        continue;
      }
      if (marker == 0xD9) {
        break; // the end of the picture: whatever follows (previews, motion clips, trailers) is left out
      }
      if (at + 4 > in.length) {
        throw new IllegalArgumentException("a JPEG segment runs past the end");
      }
      int length = ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
      if (length < 2 || at + 2 + length > in.length) {
        throw new IllegalArgumentException("a JPEG segment runs past the end");
      }
      if (kept(in, at, marker)) {
        out.write(in, at, 2 + length);
      }
      at += 2 + length;
      if (marker == 0xDA) {
        // a scan's compressed data, to the next marker that is not a stuffed byte or a restart
        int end = at;
        while (end + 1 < in.length && !((in[end] & 0xFF) == 0xFF && (in[end + 1] & 0xFF) != 0x00
            && ((in[end + 1] & 0xFF) < 0xD0 || (in[end + 1] & 0xFF) > 0xD7))) {
          end++;
        }
        out.write(in, at, end - at);
        at = end;
      }
    }
    out.write(0xFF);
    out.write(0xD9);
    return out.toByteArray();
  }

  /**
   * Whether a JPEG segment stays: not APP1..APP15 nor comments (EXIF, XMP, maker data, text), but
   * the colour profile (APP2 "ICC_PROFILE") and Adobe's colour-transform flag (APP14 "Adobe"), without
   * which colours come out wrong.
   */
  private static boolean kept(byte[] in, int at, int marker) {
    if (marker == 0xFE) {
      return false;
    }
    if (marker < 0xE1 || marker > 0xEF) {
      return true;
    }
    return marker == 0xE2 && ascii(in, at + 4, 11).equals("ICC_PROFILE") || marker == 0xEE && ascii(in, at + 4, 5).equals("Adobe");
  }

  private static byte[] png(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    out.write(in, 0, 8);
    int at = 8;
    while (at + 12 <= in.length) {
      long length = u32be(in, at);
      String type = ascii(in, at + 4, 4);
      long end = at + 12 + length;
      if (end > in.length) {
        throw new IllegalArgumentException("a PNG chunk runs past the end");
      }
      if (!PNG_METADATA.contains(type)) {
        out.write(in, at, (int) (12 + length));
      }
      at = (int) end;
      if (type.equals("IEND")) {
        break;
      }
    }
    return out.toByteArray();
  }

  private static byte[] webp(byte[] in) {
    ByteArrayOutputStream chunks = new ByteArrayOutputStream(in.length);
    int extendedHeader = -1;
    int at = 12;
    while (at + 8 <= in.length) {
      String type = ascii(in, at, 4);
      long length = u32le(in, at + 4);
      long end = at + 8 + length + (length % 2);
      if (at + 8 + length > in.length) {
        throw new IllegalArgumentException("a WebP chunk runs past the end");
      }
      if (!WEBP_METADATA.contains(type)) {
        if (type.equals("VP8X")) {
          if (extendedHeader >= 0) {
            throw new IllegalArgumentException("a WebP file has one VP8X chunk");
          }
          extendedHeader = chunks.size();
        }
        chunks.write(in, at, (int) Math.min(end, in.length) - at);
      }
      at = (int) end;
    }
    byte[] body = chunks.toByteArray();
    if (extendedHeader >= 0 && extendedHeader + 8 < body.length) {
      // the extended header's flags: no EXIF (bit 3), no XMP (bit 2)
      body[extendedHeader + 8] = (byte) (body[extendedHeader + 8] & ~0x0C);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12);
    out.write(in, 0, 4);
    long size = 4L + body.length;
    out.write((int) (size & 0xFF));
    out.write((int) ((size >> 8) & 0xFF));
    out.write((int) ((size >> 16) & 0xFF));
    out.write((int) ((size >> 24) & 0xFF));
    out.write(in, 8, 4);
    out.write(body, 0, body.length);
    return out.toByteArray();
  }

  static String ascii(byte[] bytes, int from, int length) {
    return from + length > bytes.length ? "" : new String(bytes, from, length, StandardCharsets.ISO_8859_1);
  }

  static long u32be(byte[] b, int at) {
    return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
  }

  static long u32le(byte[] b, int at) {
    return ((long) (b[at + 3] & 0xFF) << 24) | ((b[at + 2] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
  }
}
