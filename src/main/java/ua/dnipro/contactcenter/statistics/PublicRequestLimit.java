package ua.dnipro.contactcenter.statistics;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import ua.dnipro.contactcenter.api.Problems;
import ua.dnipro.contactcenter.security.ClientAddresses;

/**
 * So many public statistics and map requests per minute and client address (a token bucket: a
 * dashboard's burst of five requests is fine, a loop is not); past it, 429 with Retry-After.
 */
class PublicRequestLimit extends OncePerRequestFilter {

  private static final int MAX_TRACKED_ADDRESSES = 100_000;

  private static final class Bucket {
    double tokens;
    Instant refilled;

    Bucket(double tokens, Instant now) {
      this.tokens = tokens;
      this.refilled = now;
    }
  }

  private final int perMinute;
  private final Clock clock;
  private final ObjectMapper json;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  PublicRequestLimit(int perMinute, Clock clock, ObjectMapper json) {
    this.perMinute = perMinute;
    this.clock = clock;
    this.json = json;
  }

  /** Takes a request's token; the wait until the next one if there is none. */
  Duration take(String address) {
    Instant now = clock.instant();
    if (buckets.size() > MAX_TRACKED_ADDRESSES) {
      buckets.values().removeIf(bucket -> Duration.between(bucket.refilled, now).toMinutes() >= 1);
    }
    Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(perMinute, now));
    synchronized (bucket) {
      double refill = Duration.between(bucket.refilled, now).toMillis() * perMinute / 60_000d;
      bucket.tokens = Math.min(perMinute, bucket.tokens + refill);
      bucket.refilled = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return Duration.ZERO;
      }
      return Duration.ofMillis((long) Math.ceil((1 - bucket.tokens) * 60_000d / perMinute));
    }
  }

  /** Reading is public and limited; writing (an Open311 filing) is a channel's, with its own credentials. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equalsIgnoreCase(request.getMethod()) && !"HEAD".equalsIgnoreCase(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Duration wait = take(ClientAddresses.of(request));
    if (!wait.isZero()) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
          "Too many statistics requests", "At most " + perMinute + " requests a minute from one address; "
              + "the answers change once a minute at most"));
      return;
    }
    chain.doFilter(request, response);
  }
}
