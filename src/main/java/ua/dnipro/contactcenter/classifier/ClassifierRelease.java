package ua.dnipro.contactcenter.classifier;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.dnipro.contactcenter.classifier.ClassifierDeployments.ClassifierRejected;
import ua.dnipro.contactcenter.classifier.ClassifierVersions.ClassifierVersion;
import ua.dnipro.contactcenter.classifier.ClassifierVersions.Source;
import ua.dnipro.contactcenter.config.Precedence;

/**
 * At start-up, the tables in the repository's decisions/ meet the deployed ones. The rule: the
 * application never downgrades an analyst's work. It deploys the repository's tables (through the
 * gate) when nothing is deployed yet, or when they are new and the version in effect is an earlier
 * release; when an analyst deployed a version since, it keeps that version and reports the drift,
 * which is reconciled by exporting the deployed tables into decisions/ (or by deploying the
 * repository's tables through the gate, deliberately).
 */
@Component
@Order(Precedence.StartUp.CLASSIFIER_RELEASE)
class ClassifierRelease implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ClassifierRelease.class);

  private final ClassifierDeployments deployments;
  private final ClassifierVersions versions;

  ClassifierRelease(ClassifierDeployments deployments, ClassifierVersions versions) {
    this.deployments = deployments;
    this.versions = versions;
  }

  /** How the deployed classifier stands against the repository's decisions/. */
  record Drift(boolean inSync, Long deployedVersion, String deployedBy, Source deployedAs, String message) {
  }

  /**
   * Under the classifier's lock, in one transaction: nodes starting together release a version once,
   * the first of them; the others find it released.
   */
  @Override
  @org.springframework.transaction.annotation.Transactional
  public void run(ApplicationArguments args) {
    deployments.lock();
    ClassifierFiles shipped = deployments.shipped();
    Optional<ClassifierVersion> latest = versions.latest();
    if (latest.isEmpty()) {
      ClassifierFiles deployed = deployments.current();
      if (!deployed.tables().isEmpty() && deployed.tablesHash().equals(shipped.tablesHash())) {
        deployments.adoptAsRelease(shipped);
      } else {
        release(shipped, "first deployment of the repository's tables");
      }
      return;
    }
    ClassifierVersion current = latest.get();
    if (current.tablesHash().equals(shipped.tablesHash())) {
      return;
    }
    if (current.source() == Source.RELEASE && !versions.releasedBefore(shipped.tablesHash())) {
      release(shipped, "new tables in the repository's decisions/");
      return;
    }
    LOG.warn(drift().message());
  }

  Drift drift() {
    ClassifierFiles shipped = deployments.shipped();
    Optional<ClassifierVersion> latest = versions.latest();
    if (latest.isEmpty()) {
      return new Drift(false, null, null, null, "no classifier version is deployed yet");
    }
    ClassifierVersion current = latest.get();
    if (current.tablesHash().equals(shipped.tablesHash())) {
      return new Drift(true, current.id(), current.deployedBy(), current.source(),
          "the deployed classifier is the one in the repository's decisions/");
    }
    String news = versions.releasedBefore(shipped.tablesHash())
        ? "the repository's decisions/ hold an older release"
        : "the repository's decisions/ hold tables that were never deployed";
    return new Drift(false, current.id(), current.deployedBy(), current.source(), ("classifier drift: version %d, "
        + "deployed by %s (%s), differs from decisions/ in the repository, and %s. The deployed version stays in "
        + "effect: export it into decisions/ (GET /api/v1/classifier/versions/%d/files/ComplaintRouting.dmn and "
        + "SlaTier.dmn) or deploy the repository's tables through the gate.")
        .formatted(current.id(), current.deployedBy(), current.source(), news, current.id()));
  }

  private void release(ClassifierFiles shipped, String why) {
    try {
      deployments.deploy(shipped, "system", Source.RELEASE, why, null);
    } catch (ClassifierRejected rejected) {
      // the version in effect stays; the tests of the repository's tables should have caught this
      LOG.error("The classifier in decisions/ was NOT deployed, the gate refused it: {}", rejected.problems());
      if (versions.latest().isEmpty()) {
        throw new IllegalStateException("no classifier can be deployed: " + rejected.problems(), rejected);
      }
    }
  }
}
