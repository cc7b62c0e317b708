package ua.dnipro.contactcenter.organisation;

/**
 * A feature's share of the organisation's set-up, such as the grants on its own process definitions
 * or its Tasklist filters. Each is run at every start, in its {@code @Order}, once the groups exist.
 */
public interface OrganisationPart {

  void provision(Organisation organisation, Provisioning provisioning);
}
