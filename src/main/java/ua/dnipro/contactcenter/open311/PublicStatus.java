package ua.dnipro.contactcenter.open311;

import ua.dnipro.contactcenter.complaint.ComplaintStatus;

/**
 * A complaint's status and changes in public words: the status's name, mySociety's extended status
 * vocabulary of servicerequestupdates, and what each change tells (never what people wrote: no
 * resolution, reason or note, which the filing channel alone gets).
 */
final class PublicStatus {

  private PublicStatus() {
  }

  static String name(ComplaintStatus status) {
    return switch (status) {
      case REGISTERED -> "Зареєстровано";
      case IN_PROGRESS -> "У роботі";
      case AWAITING_RECLASSIFICATION -> "Уточнюється виконавець";
      case MERGED -> "Об'єднано з іншим зверненням про ту саму проблему";
      case RESOLVED -> "Вирішено";
      case FORWARDED -> "Надіслано за належністю";
      case LEFT_UNCONSIDERED -> "Залишено без розгляду";
    };
  }

  /** The status after a change, in mySociety's extended vocabulary (upper case, as its wiki writes it). */
  static String extended(String event, ComplaintStatus status) {
    if ("REOPENED".equals(event)) {
      return "REOPEN";
    }
    if (status == null) {
      return "UNCHANGED";
    }
    return switch (status) {
      case REGISTERED -> "OPEN";
      case IN_PROGRESS -> "IN_PROGRESS";
      case AWAITING_RECLASSIFICATION -> "FOR_TRIAGE";
      case MERGED -> "DUPLICATE";
      case RESOLVED -> "FIXED";
      case FORWARDED -> "NOT_COUNCILS_RESPONSIBILITY";
      case LEFT_UNCONSIDERED -> "NO_FURTHER_ACTION";
    };
  }

  /** What a change tells the public. */
  static String told(String event, ComplaintStatus status, String departmentName) {
    String text = switch (event == null ? "" : event) {
      case "REGISTERED" -> "Звернення зареєстровано";
      case "ROUTED", "RECLASSIFIED" -> "Передано виконавцю" + (departmentName == null ? "" : ": " + departmentName);
      case "EMERGENCY_ALERTED" -> "Аварійне звернення: чергові служби сповіщено";
      case "OVERDUE" -> "Строк виконання минув";
      case "ESCALATED_TO_CONTROLLERS" -> "Передано на контроль";
      case "RETURNED", "AWAITING_RECLASSIFICATION" -> "Уточнюється виконавець";
      case "EXTENSION_APPROVED" -> "Строк розгляду продовжено";
      case "MERGED" -> "Об'єднано з іншим зверненням про ту саму проблему";
      case "UNMERGED" -> "Розглядається окремо";
      case "RESOLVED" -> "Вирішено";
      case "FORWARDED" -> "Надіслано за належністю до іншого органу";
      case "REOPENED" -> "Звернення відновлено на вимогу заявника";
      case "CONFIRMED" -> "Заявник підтвердив виконання";
      case "REPEATED_APPEAL" -> "Повторне звернення";
      case "LEFT_UNCONSIDERED" -> "Залишено без розгляду";
      default -> status == null ? "Стан змінено" : name(status);
    };
    return text;
  }
}
