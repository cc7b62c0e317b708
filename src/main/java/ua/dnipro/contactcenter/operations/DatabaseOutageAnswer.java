package ua.dnipro.contactcenter.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import ua.dnipro.contactcenter.api.Problems;

/**
 * When the database does not answer, every door (the channel API, Open311, the engine's REST, the
 * webapps' API, log-ins and the actuator) answers at once and honestly: 503
 * {@code application/problem+json} with Retry-After, not a bare 500 after the pool's timeout, and
 * nothing was accepted, so the same request (same Idempotency-Key) may be sent again.
 *
 * <ul>
 *   <li>While the database is known to be unreachable ({@link DatabaseReachability}), one request
 *       every two seconds goes through to find out whether it is back; the others are answered at
 *       once.</li>
 *   <li>A request during which a connection was refused, or that failed for a lost connection, is
 *       answered 503, whatever error the door behind would have sent: the engine's REST and the
 *       webapps map every engine failure to their own 500, so their server errors are held back
 *       until the filter knows whether the database was the cause.</li>
 * </ul>
 * It recovers by itself: the pool reconnects when the database returns.
 */
public class DatabaseOutageAnswer extends OncePerRequestFilter {

  static final String RETRY_AFTER_SECONDS = "10";

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageAnswer.class);

  private final DatabaseReachability database;
  private final ObjectMapper json;

  public DatabaseOutageAnswer(DatabaseReachability database, ObjectMapper json) {
    this.database = database;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (database.knownUnreachable() && !database.mayProbe()) {
      answerUnavailable(response);
      return;
    }
    DatabaseReachability.startRequest();
    HeldServerError held = new HeldServerError(response);
    boolean databaseFailed = false;
    try {
      chain.doFilter(request, held);
    } catch (IOException | ServletException | RuntimeException failure) {
      if ((DatabaseReachability.failedInThisRequest() || lostConnection(failure)) && !response.isCommitted()) {
        LOG.warn("The database did not answer {} {}: answered 503", request.getMethod(), request.getRequestURI());
        resetKeepingHeaders(response);
        answerUnavailable(response);
        return;
      }
      throw failure;
    } finally {
      databaseFailed = DatabaseReachability.failedInThisRequest();
      DatabaseReachability.endRequest();
    }
    if (request.isAsyncStarted()) {
      // the answer is written later, on another thread (the engine's long polling): it goes straight through
      held.passThrough();
      return;
    }
    if (held.holding()) {
      if (databaseFailed && !response.isCommitted()) {
        LOG.warn("The database did not answer {} {}: answered 503 instead of {}", request.getMethod(),
            request.getRequestURI(), held.status);
        resetKeepingHeaders(response);
        answerUnavailable(response);
      } else {
        held.release();
      }
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
  }

  /** Headers of the body that was to be sent; the others (the browser's rules of SecurityHeaders) stay. */
  private static final java.util.Set<String> BODY_HEADERS = java.util.Set.of("content-type", "content-length",
      "content-encoding", "content-language", "transfer-encoding", "etag", "last-modified", "location");

  static void resetKeepingHeaders(HttpServletResponse response) {
    java.util.Map<String, java.util.List<String>> kept = new java.util.LinkedHashMap<>();
    for (String name : response.getHeaderNames()) {
      if (!BODY_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        kept.put(name, new java.util.ArrayList<>(response.getHeaders(name)));
      }
    }
    response.reset();
    kept.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
  }

  private void answerUnavailable(HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
        "The database is not answering", "Nothing was accepted or changed. Retry in " + RETRY_AFTER_SECONDS
            + " s; a complaint with the same Idempotency-Key is filed once."));
  }

  /** A failure from a connection lost or never made (not a refused statement or a bug). */
  static boolean lostConnection(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException || cause instanceof CannotCreateTransactionException
          || cause instanceof DataAccessResourceFailureException || cause instanceof java.net.ConnectException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      // the rollback on the lost connection failed too, and its failure took the place of the first one
      if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && lostConnection(rollback.getApplicationException())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The response, except that a server error (5xx) is held back, status and body, until the filter
   * has decided whether the database caused it; everything else passes straight through.
   */
  static final class HeldServerError extends HttpServletResponseWrapper {

    private int status = HttpServletResponse.SC_OK;
    private boolean sentError;
    private String errorMessage;
    private ByteArrayOutputStream body;
    private ServletOutputStream heldStream;
    private PrintWriter heldWriter;
    // the body went out before any server error was set: nothing can be held any more
    private boolean streaming;

    HeldServerError(HttpServletResponse response) {
      super(response);
    }

    boolean holding() {
      return status >= 500 && !streaming;
    }

    @Override
    public void setStatus(int status) {
      this.status = status;
      if (!holding()) {
        super.setStatus(status);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (status < 500 || streaming) {
        this.status = status;
        super.sendError(status, message);
        return;
      }
      this.status = status;
      this.sentError = true;
      this.errorMessage = message;
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!holding()) {
        streaming = true;
        return super.getOutputStream();
      }
      if (heldStream == null) {
        body = body == null ? new ByteArrayOutputStream() : body;
        heldStream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("held server errors are written blocking");
          }

          @Override
          public void write(int b) {
            body.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            body.write(bytes, offset, length);
          }
        };
      }
      return heldStream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!holding()) {
        streaming = true;
        return super.getWriter();
      }
      if (heldWriter == null) {
        String encoding = getCharacterEncoding();
        heldWriter = new PrintWriter(new OutputStreamWriter(getOutputStream(),
            encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
      }
      return heldWriter;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!holding()) {
        super.flushBuffer();
      }
    }

    @Override
    public boolean isCommitted() {
      return !holding() && super.isCommitted();
    }

    @Override
    public void reset() {
      super.reset();
      status = HttpServletResponse.SC_OK;
      sentError = false;
      streaming = false;
      body = null;
      heldStream = null;
      heldWriter = null;
    }

    @Override
    public void resetBuffer() {
      super.resetBuffer();
      if (body != null) {
        body.reset();
      }
    }

    /** From now on everything goes straight through; what was held is sent first. */
    void passThrough() throws IOException {
      if (holding()) {
        release();
      }
      streaming = true;
    }

    /** Sends the held server error as the door behind meant it. */
    void release() throws IOException {
      HttpServletResponse response = (HttpServletResponse) getResponse();
      if (heldWriter != null) {
        heldWriter.flush();
      }
      if (sentError) {
        if (errorMessage == null) {
          response.sendError(status);
        } else {
          response.sendError(status, errorMessage);
        }
        return;
      }
      response.setStatus(status);
      if (body != null && body.size() > 0) {
        response.getOutputStream().write(body.toByteArray());
      }
      response.flushBuffer();
    }
  }
}
