package ua.dnipro.contactcenter.opendata;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 CSV, one record at a time: a field with a comma, a quote or a line break is quoted, its
 * quotes doubled; records end with CRLF. Nothing is kept: a year of rows streams in constant memory.
 */
final class Csv {

  private final Writer out;

  Csv(Writer out) {
    this.out = out;
  }

  void record(Object... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(fields[i]));
    }
    out.write("\r\n");
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
