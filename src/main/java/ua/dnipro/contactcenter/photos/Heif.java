package ua.dnipro.contactcenter.photos;

import java.util.ArrayList;
import java.util.List;

/**
 * HEIC (ISO/IEC 23008-12, boxes of ISO/IEC 14496-12): finds the items of type {@code Exif}, and the
 * XMP ones ({@code mime}, application/rdf+xml), in the {@code meta} box and overwrites their bytes
 * with zeros, so that the file keeps its structure and picture but no longer says where or with what
 * it was taken. A file whose item locations run past their box, or that keeps such an item where it
 * cannot be blanked, is refused as not well formed.
 */
final class Heif {

  static final int MAX_EXTENTS = 256;

  private Heif() {
  }

  static byte[] withoutExif(byte[] in) {
    if (in.length < 8) {
      throw new IllegalArgumentException("not a HEIF file");
    }
    byte[] out = in.clone();
    Box meta = child(in, 0, in.length, "meta");
    if (meta == null) {
      return out;
    }
    int metaBody = meta.body + 4; // a full box: version and flags
    Box iinf = child(in, metaBody, meta.end, "iinf");
    Box iloc = child(in, metaBody, meta.end, "iloc");
    Box idat = child(in, metaBody, meta.end, "idat");
    if (iinf == null || iloc == null) {
      return out;
    }
    List<Long> exifItems = exifItems(in, iinf);
    if (exifItems.isEmpty()) {
      return out;
    }
    blankExtents(in, out, iloc, exifItems, idat);
    return out;
  }

  private record Box(String type, int start, int body, int end) {
  }

  private static Box child(byte[] in, int from, int to, String type) {
    int at = from;
    while (at + 8 <= to) {
      long size = PhotoFormat.u32be(in, at);
      String boxType = PhotoFormat.ascii(in, at + 4, 4);
      int header = 8;
      if (size == 1) {
        size = (PhotoFormat.u32be(in, at + 8) << 32) | PhotoFormat.u32be(in, at + 12);
        header = 16;
      } else if (size == 0) {
        size = to - at;
      }
      if (size < header || at + size > to) {
        throw new IllegalArgumentException("a HEIF box runs past its parent");
      }
      if (boxType.equals(type)) {
        return new Box(boxType, at, at + header, (int) (at + size));
      }
      at += (int) size;
    }
    return null;
  }

  private static List<Long> exifItems(byte[] in, Box iinf) {
    int version = in[iinf.body] & 0xFF;
    int at = iinf.body + 4 + (version == 0 ? 2 : 4);
    List<Long> items = new ArrayList<>();
    while (at + 8 <= iinf.end) {
      Box infe = child(in, at, iinf.end, "infe");
      if (infe == null) {
        break;
      }
      int infeVersion = in[infe.body] & 0xFF;
      int p = infe.body + 4;
      if (infeVersion >= 2) {
        long id = infeVersion == 2 ? u16(in, p) : PhotoFormat.u32be(in, p);
        p += infeVersion == 2 ? 2 : 4;
        p += 2; // protection index
        String type = PhotoFormat.ascii(in, p, 4);
        // XMP is a "mime" item of content type application/rdf+xml (after the item's name)
        String rest = PhotoFormat.ascii(in, p + 4, Math.max(0, infe.end - p - 4));
        if (type.equals("Exif") || type.equals("mime") && rest.contains("application/rdf+xml")) {
          items.add(id);
        }
      }
      at = infe.end;
    }
    return items;
  }

  private static void blankExtents(byte[] in, byte[] out, Box iloc, List<Long> items, Box idat) {
    int version = in[iloc.body] & 0xFF;
    int p = iloc.body + 4;
    int offsetSize = (in[p] & 0xFF) >> 4;
    int lengthSize = in[p] & 0x0F;
    int baseOffsetSize = (in[p + 1] & 0xFF) >> 4;
    int indexSize = version == 1 || version == 2 ? in[p + 1] & 0x0F : 0;
    p += 2;
    long count = version < 2 ? u16(in, p) : PhotoFormat.u32be(in, p);
    p += version < 2 ? 2 : 4;
    for (long i = 0; i < count; i++) {
      if (p >= iloc.end) {
        throw new IllegalArgumentException("the HEIF item locations run past their box");
      }
      long id = version < 2 ? u16(in, p) : PhotoFormat.u32be(in, p);
      p += version < 2 ? 2 : 4;
      int method = 0;
      if (version == 1 || version == 2) {
        method = u16(in, p) & 0x0F;
        p += 2;
      }
      p += 2; // data reference index
      long base = number(in, p, baseOffsetSize);
      p += baseOffsetSize;
      int extents = u16(in, p);
      p += 2;
      // a photo's items have a few extents each: thousands are a file made to keep the server busy
      if (extents > MAX_EXTENTS || p + (long) extents * (indexSize + offsetSize + lengthSize) > iloc.end) {
        throw new IllegalArgumentException("the HEIF item locations run past their box");
      }
      if (items.contains(id) && (method == 2 || method == 1 && idat == null)) {
        throw new IllegalArgumentException("an Exif or XMP item stored where it cannot be blanked");
      }
      for (int e = 0; e < extents; e++) {
        p += indexSize;
        long offset = number(in, p, offsetSize);
        p += offsetSize;
        long length = number(in, p, lengthSize);
        p += lengthSize;
        if (items.contains(id)) {
          long start = method == 1 && idat != null ? idat.body + base + offset : base + offset;
          long end = length == 0 ? out.length : start + length;
          if (start < 0 || end > out.length) {
            throw new IllegalArgumentException("an Exif item lies outside the file");
          }
          java.util.Arrays.fill(out, (int) start, (int) end, (byte) 0);
        }
      }
    }
  }

  private static int u16(byte[] in, int at) {
    return ((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF);
  }

  private static long number(byte[] in, int at, int size) {
    long value = 0;
    for (int i = 0; i < size; i++) {
      value = (value << 8) | (in[at + i] & 0xFF);
    }
    return value;
  }
}
