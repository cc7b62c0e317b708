package ua.dnipro.contactcenter.photos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Photos for tests, as phones make them: a real JPEG (encoded by the JDK) carrying an EXIF block with
 * the camera's make and model and the GPS position where it was taken (Dnipro, 48.4647 N 35.0462 E),
 * a PNG with an eXIf chunk, and the outlines of WebP and HEIC files with EXIF.
 */
public final class PhotoFixtures {

  /** What the EXIF blocks say: recognisable in the bytes. */
  public static final String CAMERA = "PhoneMaker";
  public static final String MODEL = "Pixel-Dnipro-9";

  private PhotoFixtures() {
  }

  /** A picture (a blue square with a yellow bar) as JPEG, without metadata. */
  public static byte[] plainJpeg() {
    return encode("jpg");
  }

  public static byte[] plainPng() {
    return encode("png");
  }

  /** A JPEG as a phone writes it: SOI, APP1 "Exif" with make, model and GPS, then the picture. */
  public static byte[] jpegWithGps() {
    byte[] plain = plainJpeg();
    byte[] exif = exifPayload();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, 2);
    out.write(0xFF);
    out.write(0xE1);
    int length = exif.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.write(exif, 0, exif.length);
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  /** A PNG with an eXIf chunk (the EXIF block without its "Exif\0\0" header), before IEND. */
  public static byte[] pngWithExif() {
    byte[] plain = plainPng();
    byte[] exif = exifPayload();
    byte[] tiff = java.util.Arrays.copyOfRange(exif, 6, exif.length);
    int iend = plain.length - 12;
    ByteBuffer chunk = ByteBuffer.allocate(12 + tiff.length).order(ByteOrder.BIG_ENDIAN);
    chunk.putInt(tiff.length).put("eXIf".getBytes(StandardCharsets.ISO_8859_1)).put(tiff).putInt(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, iend);
    out.write(chunk.array(), 0, chunk.capacity());
    out.write(plain, iend, 12);
    return out.toByteArray();
  }

  /** An extended WebP: VP8X (EXIF flag set), a stand-in image chunk, and an EXIF chunk. */
  public static byte[] webpWithExif() {
    byte[] exif = exifPayload();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    chunk(body, "VP8X", new byte[] {0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    chunk(body, "VP8L", new byte[] {0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88});
    chunk(body, "EXIF", exif);
    byte[] chunks = body.toByteArray();
    ByteBuffer file = ByteBuffer.allocate(12 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
    file.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(4 + chunks.length)
        .put("WEBP".getBytes(StandardCharsets.ISO_8859_1)).put(chunks);
    return file.array();
  }

  /**
   * A HEIC outline: ftyp (heic), meta with an item of type Exif whose bytes lie in mdat (found
   * through iloc), and mdat holding the EXIF block after a stand-in picture.
   */
  public static byte[] heicWithExif() {
    byte[] exif = exifPayload();
    byte[] picture = "HEVC-PICTURE-DATA".getBytes(StandardCharsets.ISO_8859_1);
    byte[] ftyp = box("ftyp", concat("heic".getBytes(StandardCharsets.ISO_8859_1), new byte[4],
        "mif1heic".getBytes(StandardCharsets.ISO_8859_1)));
    // infe version 2: item_ID 2, protection 0, type "Exif", name ""
    byte[] infe = box("infe", concat(new byte[] {2, 0, 0, 0, 0, 2, 0, 0}, "Exif".getBytes(StandardCharsets.ISO_8859_1),
        new byte[] {0}));
    byte[] iinf = box("iinf", concat(new byte[] {0, 0, 0, 0, 0, 1}, infe));
    byte[] hdlr = box("hdlr", concat(new byte[8], "pict".getBytes(StandardCharsets.ISO_8859_1), new byte[13]));
    // iloc version 0: offset 4 bytes, length 4 bytes, no base offset; one item (2) with one extent
    int ilocSize = 8 + 4 + 2 + 2 + 2 + 2 + 2 + 4 + 4;
    int metaSize = 8 + 4 + hdlr.length + iinf.length + ilocSize;
    int mdatStart = ftyp.length + metaSize;
    int exifOffset = mdatStart + 8 + picture.length;
    ByteBuffer ilocBody = ByteBuffer.allocate(ilocSize - 8).order(ByteOrder.BIG_ENDIAN);
    ilocBody.putInt(0).put((byte) 0x44).put((byte) 0x00).putShort((short) 1).putShort((short) 2).putShort((short) 0)
        .putShort((short) 1).putInt(exifOffset).putInt(exif.length);
    byte[] iloc = box("iloc", ilocBody.array());
    byte[] meta = box("meta", concat(new byte[4], hdlr, iinf, iloc));
    byte[] mdat = box("mdat", concat(picture, exif));
    return concat(ftyp, meta, mdat);
  }

  /** A renamed executable: an ELF program saved as "photo.jpg". */
  public static byte[] renamedExecutable() {
    return concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, new byte[120]);
  }

  /** "Exif\0\0" and a big-endian TIFF block: IFD0 with Make, Model and a GPS IFD pointer; the GPS IFD with the position. */
  static byte[] exifPayload() {
    ByteBuffer tiff = ByteBuffer.allocate(512).order(ByteOrder.BIG_ENDIAN);
    tiff.put("MM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
    byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.ISO_8859_1);
    byte[] model = (MODEL + "\0").getBytes(StandardCharsets.ISO_8859_1);
    int ifd0 = 8;
    int ifd0Size = 2 + 3 * 12 + 4;
    int makeAt = ifd0 + ifd0Size;
    int modelAt = makeAt + make.length;
    int gpsAt = modelAt + model.length;
    int gpsSize = 2 + 4 * 12 + 4;
    int latAt = gpsAt + gpsSize;
    int lonAt = latAt + 24;
    tiff.putShort((short) 3);
    entry(tiff, 0x010F, 2, make.length, makeAt);
    entry(tiff, 0x0110, 2, model.length, modelAt);
    entry(tiff, 0x8825, 4, 1, gpsAt);
    tiff.putInt(0);
    tiff.put(make).put(model);
    tiff.putShort((short) 4);
    tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
    entry(tiff, 0x0002, 5, 3, latAt);
    tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
    entry(tiff, 0x0004, 5, 3, lonAt);
    tiff.putInt(0);
    // 48° 27' 52.92" and 35° 2' 46.32"
    tiff.putInt(48).putInt(1).putInt(27).putInt(1).putInt(5292).putInt(100);
    tiff.putInt(35).putInt(1).putInt(2).putInt(1).putInt(4632).putInt(100);
    byte[] block = java.util.Arrays.copyOf(tiff.array(), tiff.position());
    return concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), block);
  }

  private static void entry(ByteBuffer tiff, int tag, int type, int count, int valueOffset) {
    tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOffset);
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    header.put(type.getBytes(StandardCharsets.ISO_8859_1)).putInt(data.length);
    out.write(header.array(), 0, 8);
    out.write(data, 0, data.length);
    if (data.length % 2 == 1) {
      out.write(0);
    }
  }

  private static byte[] box(String type, byte[] body) {
    ByteBuffer box = ByteBuffer.allocate(8 + body.length).order(ByteOrder.BIG_ENDIAN);
    box.putInt(8 + body.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(body);
    return box.array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.write(part, 0, part.length);
    }
    return out.toByteArray();
  }

  private static byte[] encode(String format) {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(0, 87, 183));
    graphics.fillRect(0, 0, 64, 48);
    graphics.setColor(new Color(255, 215, 0));
    graphics.fillRect(0, 24, 64, 24);
    graphics.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
