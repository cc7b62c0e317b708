package ua.dnipro.contactcenter.config;

import org.springframework.core.Ordered;

/**
 * The order of things, in one place: what runs at start-up, and which filter meets a request first.
 */
public final class Precedence {

  private Precedence() {
  }

  /**
   * The start-up runners, in order. A node takes its turn first (operations.StartUpTurns: one node
   * at a time changes the database); records of earlier releases are brought up to date (upgrade);
   * then the organisation exists in the engine: the administrator, the groups and their grants, the
   * inbox filters (organisation); the classifier release (classifier); the channels' accounts
   * (channel); the demo data, where asked for (demo); and last, running instances move to the
   * release's process versions (upgrade.RunningInstancesMigration).
   */
  public static final class StartUp {
    public static final int TURN = Ordered.HIGHEST_PRECEDENCE;
    public static final int RECORDS_BACKFILL = 5;
    public static final int PERSONAL_DATA_MIGRATION = 6;
    public static final int ADMINISTRATOR = 10;
    public static final int ORGANISATION = 20;
    public static final int CLASSIFIER_RELEASE = 25;
    public static final int CHANNEL_ACCOUNTS = 30;
    public static final int DEMO_DATA = 100;
    public static final int RUNNING_INSTANCES_MIGRATION = Ordered.LOWEST_PRECEDENCE;

    private StartUp() {
    }
  }

  /**
   * The order in which every request meets the application's filters:
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
  public static final class Filter {
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

    private Filter() {
    }
  }
}
