package ua.dnipro.contactcenter.efficiency;

import java.util.List;

/**
 * How a department and each of its executors worked over a period, from the engine's history of
 * the executors' tasks and the application's records. Not public: for the department's heads and
 * the controllers only.
 *
 * @param department the department's figures
 * @param executors one row per executor who completed a task of the department in the period
 */
public record DepartmentEfficiency(String code, String name, java.time.LocalDate from, java.time.LocalDate to,
    Figures department, List<ExecutorFigures> executors) {

  /**
   * @param tasksCompleted the executors' "Resolve complaint" tasks completed in the period (a
   *     request for more time completes one too)
   * @param medianHoursToFirstClaim from a task's creation to its first claim, median
   * @param medianWorkingHours from a task's first claim to its completion, median
   * @param onTimeShare of the completed tasks, those completed by their due time
   * @param extensionsRequested requests for more time made in the period
   * @param extensionsGranted of those, approved by the head
   * @param resolved complaints the department resolved in the period
   * @param firstTimeRightShare of those, the share the citizen never re-opened
   * @param averageRating the citizens' average rating of those they confirmed
   * @param overdue complaints received in the period that went overdue while the department held them
   */
  public record Figures(long tasksCompleted, Double medianHoursToFirstClaim, Double medianWorkingHours,
      Double onTimeShare, long extensionsRequested, long extensionsGranted, long resolved, Double firstTimeRightShare,
      Double averageRating, long ratings, long overdue) {
  }

  public record ExecutorFigures(String executor, long tasksCompleted, Double medianHoursToFirstClaim,
      Double medianWorkingHours, Double onTimeShare) {
  }
}
