package ua.dnipro.contactcenter.organisation;

import java.util.ArrayList;
import java.util.List;
import ua.dnipro.contactcenter.config.ContactCenterProperties.Department;

/**
 * Who works complaints, as the configuration names them: the departments (each with its heads'
 * group) and the contact center's own roles.
 *
 * @param departments the configured departments
 */
public record Organisation(List<Department> departments) {

  public Organisation {
    departments = List.copyOf(departments);
  }

  /** Every department's group and its heads' group. */
  public List<String> departmentGroups() {
    List<String> groups = new ArrayList<>();
    for (Department department : departments) {
      groups.add(department.id());
      groups.add(CityGroups.headsOf(department.id()));
    }
    return groups;
  }

  /** Everybody who works complaints in Tasklist: the departments, their heads, the dispatchers and the controllers. */
  public List<String> inboxGroups() {
    List<String> groups = new ArrayList<>(departmentGroups());
    groups.add(CityGroups.DISPATCHERS);
    groups.add(CityGroups.DUTY_DISPATCHERS);
    groups.add(CityGroups.CONTROLLERS);
    return groups;
  }
}
