package ua.dnipro.contactcenter.organisation;

/**
 * A feature's share of the organisation's set-up, such as the grants on its own process definitions
 * or its Tasklist filters. Each is run at every start, once the groups exist (in Spring's order: an
 * {@code @Order} where a part needs one).
 */
public interface OrganisationPart {

  void provision(Organisation organisation, Provisioning provisioning);
}
