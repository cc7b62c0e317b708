package ua.dnipro.contactcenter.config;

import org.springframework.core.Ordered;

/**
 * The order in which every request meets the application's filters, in one place:
 * <ol>
 *   <li>the answers counted for the operators (operations.AnswersCounted);</li>
 *   <li>the request firewall: plain paths only (security.RequestFirewall), then the browser's rules
 *       for our own pages and APIs (security.SecurityHeaders);</li>
 *   <li>503 until the node is ready (security.NotReadyYet);</li>
 *   <li>503 at once while the database is away (operations.DatabaseOutageAnswer);</li>
 *   <li>every log-in, limited per source address (security.LoginGuard), then the public statistics'
 *       limits per address (statistics);</li>
 *   <li>who calls {@code /engine-rest} (security.EngineRestAuthentication);</li>
 *   <li>the classifier's Modeler gate for deployments (classifier.ModelerDeploymentGate);</li>
 *   <li>what may be asked of the engine (security.EngineApiGuard);</li>
 *   <li>who calls {@code /api/v1} (security.ApiAuthentication);</li>
 *   <li>the actuator's health for all, the rest for administrators (security.ManagementAccess).</li>
 * </ol>
 */
public final class FilterOrder {

  public static final int ANSWERS_COUNTED = Ordered.HIGHEST_PRECEDENCE;
  public static final int FIREWALL = Ordered.HIGHEST_PRECEDENCE + 1;
  public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 2;
  public static final int NOT_READY = Ordered.HIGHEST_PRECEDENCE + 3;
  public static final int DATABASE_OUTAGE = Ordered.HIGHEST_PRECEDENCE + 4;
  public static final int LOGIN_GUARD = Ordered.HIGHEST_PRECEDENCE + 5;
  public static final int PUBLIC_REQUEST_LIMIT = Ordered.HIGHEST_PRECEDENCE + 6;
  public static final int ENGINE_REST_AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 10;
  public static final int MODELER_GATE = Ordered.HIGHEST_PRECEDENCE + 11;
  public static final int ENGINE_API_GUARD = Ordered.HIGHEST_PRECEDENCE + 12;
  public static final int API_AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 20;
  public static final int MANAGEMENT_ACCESS = Ordered.HIGHEST_PRECEDENCE + 21;

  private FilterOrder() {
  }
}
