package ua.dnipro.contactcenter.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The engine REST APIs answer some plain mistakes of the caller with 500: a value that must not be
 * null ({@code NullValueException}: "task xx doesn't exist", "variableName is null") or is not valid
 * ({@code NotValidException}). Such an answer is held back and given the status it means: 404 for
 * what does not exist, 400 for the rest. Every other answer passes through untouched.
 */
final class ClientMistakeResponse extends HttpServletResponseWrapper {

  static final Set<String> CLIENT_MISTAKES = Set.of("NullValueException", "NotFoundException", "NotValidException");

  private ByteArrayOutputStream held;
  private ServletOutputStream stream;
  private PrintWriter writer;

  ClientMistakeResponse(HttpServletResponse response) {
    super(response);
  }

  private boolean holding() {
    if (held == null && getStatus() == 500) {
      held = new ByteArrayOutputStream();
    }
    return held != null;
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (!holding()) {
      return super.getOutputStream();
    }
    if (stream == null) {
      stream = new ServletOutputStream() {
        @Override
        public void write(int b) {
          held.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          held.write(b, off, len);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (!holding()) {
      return super.getWriter();
    }
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
    }
    return writer;
  }

  @Override
  public void flushBuffer() throws IOException {
    if (held == null) {
      super.flushBuffer();
    }
  }

  /** Sends what was held back, with the status it means. */
  void finish(ObjectMapper json) throws IOException {
    if (held == null) {
      return;
    }
    if (writer != null) {
      writer.flush();
    }
    byte[] body = held.toByteArray();
    HttpServletResponse response = (HttpServletResponse) getResponse();
    try {
      JsonNode error = json.readTree(body);
      String type = error.path("type").asText("");
      if (CLIENT_MISTAKES.contains(type)) {
        String message = error.path("message").asText("").toLowerCase(Locale.ROOT);
        boolean missing = type.equals("NotFoundException") || message.contains("doesn't exist")
            || message.contains("does not exist") || message.contains("not found");
        response.setStatus(missing ? 404 : 400);
      }
    } catch (IOException notJson) {
      // not the engine's error document: sent as it was
    }
    response.getOutputStream().write(body);
  }
}
