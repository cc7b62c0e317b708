package ua.dnipro.contactcenter.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What the outage answer does with each kind of answer behind it: a server error caused by the
 * database becomes 503, any other error and every success pass unchanged; while the database is
 * known to be away, requests are answered without trying, except one every two seconds.
 */
class DatabaseOutageAnswerTests {

  final DatabaseReachability reachability = new DatabaseReachability();
  final FlakyDatabase database = new FlakyDatabase();
  final DataSource dataSource = (DataSource) reachability.postProcessAfterInitialization(database, "dataSource");
  final DatabaseOutageAnswer filter = new DatabaseOutageAnswer(reachability, new ObjectMapper());

  /** As the engine's REST and the webapps answer a failed command: their own 500 with a JSON body. */
  final FilterChain engineRest = (request, response) -> {
    var http = (jakarta.servlet.http.HttpServletResponse) response;
    try (Connection ignored = dataSource.getConnection()) {
      http.setStatus(200);
      http.setContentType("application/json");
      http.getOutputStream().write("{\"count\":3}".getBytes(StandardCharsets.UTF_8));
    } catch (SQLException e) {
      http.setStatus(500);
      http.setContentType("application/json");
      http.getOutputStream().write("{\"type\":\"ProcessEngineException\"}".getBytes(StandardCharsets.UTF_8));
    }
  };

  @Test
  void theEnginesOwn500ForAConnectionNotGivenBecomes503() throws Exception {
    database.down = true;
    MockHttpServletResponse response = call(engineRest);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseOutageAnswer.RETRY_AFTER_SECONDS);
    assertThat(response.getContentAsString()).contains("database-unavailable").doesNotContain("ProcessEngineException");
  }

  @Test
  void theBrowsersRulesSetBeforeStayOnThe503AndAWriterIsHeldAsAStream() throws Exception {
    database.down = true;
    MockHttpServletResponse response = new MockHttpServletResponse();
    // as SecurityHeaders, outside, sets them
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "default-src 'self'");
    filter.doFilter(new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task/count"), response,
        (request, reply) -> {
          var http = (jakarta.servlet.http.HttpServletResponse) reply;
          try (Connection ignored = dataSource.getConnection()) {
            http.setStatus(200);
          } catch (SQLException e) {
            http.setStatus(500);
            http.setContentType("application/json");
            http.setContentLength(31);
            http.getWriter().write("{\"type\":\"ProcessEngineException\"}");
          }
        });
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'");
    assertThat(response.getContentAsString()).contains("database-unavailable");
    assertThat(response.getContentLength()).as("not the held body's length").isNotEqualTo(31);
  }

  @Test
  void aPoolBusyWithOtherRequestsIsNoOutageOfTheNode() {
    assertThat(DatabaseReachability.unreachable(new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 3000ms (total=20, active=20)"))).isFalse();
    assertThat(DatabaseReachability.unreachable(new SQLTransientConnectionException("timed out", "08001"))).isTrue();
    assertThat(DatabaseReachability.unreachable(new SQLTransientConnectionException("timed out",
        new java.net.ConnectException("Connection refused")))).isTrue();
  }

  @Test
  void aServerErrorOfAnotherCauseAndEverySuccessPassUnchanged() throws Exception {
    MockHttpServletResponse ok = call(engineRest);
    assertThat(ok.getStatus()).isEqualTo(200);
    assertThat(ok.getContentAsString()).isEqualTo("{\"count\":3}");

    MockHttpServletResponse bug = call((request, response) -> {
      var http = (jakarta.servlet.http.HttpServletResponse) response;
      http.setStatus(500);
      http.setContentType("application/json");
      http.getWriter().write("{\"type\":\"NullPointerException\"}");
    });
    assertThat(bug.getStatus()).isEqualTo(500);
    assertThat(bug.getContentAsString()).isEqualTo("{\"type\":\"NullPointerException\"}");

    MockHttpServletResponse sent = call((request, response) ->
        ((jakarta.servlet.http.HttpServletResponse) response).sendError(502, "upstream"));
    assertThat(sent.getStatus()).isEqualTo(502);
    assertThat(sent.getErrorMessage()).isEqualTo("upstream");

    assertThatThrownBy(() -> call((request, response) -> {
      throw new IllegalStateException("a bug");
    })).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aLostConnectionThrownThroughTheFiltersBecomes503() throws Exception {
    MockHttpServletResponse response = call((request, reply) -> {
      throw new IllegalStateException("login check failed",
          new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms"));
    });
    assertThat(response.getStatus()).isEqualTo(503);
  }

  @Test
  void whileTheDatabaseIsKnownAwayOnlyOneRequestEveryTwoSecondsTriesIt() throws Exception {
    database.down = true;
    call(engineRest);
    int attempts = database.attempts.get();

    for (int i = 0; i < 5; i++) {
      assertThat(call(engineRest).getStatus()).isEqualTo(503);
    }
    assertThat(database.attempts.get()).as("answered without trying").isEqualTo(attempts);

    database.down = false;
    // any connection given (a job executor's, a scheduled task's) tells the node the database is back
    dataSource.getConnection().close();
    assertThat(call(engineRest).getStatus()).isEqualTo(200);
  }

  MockHttpServletResponse call(FilterChain chain) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task/count"), response, chain);
    return response;
  }

  static final class FlakyDatabase extends AbstractDataSource {
    volatile boolean down;
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public Connection getConnection() throws SQLException {
      attempts.incrementAndGet();
      if (down) {
        throw new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms",
            new java.net.ConnectException("Connection refused"));
      }
      return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, arguments) -> null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }
  }
}
