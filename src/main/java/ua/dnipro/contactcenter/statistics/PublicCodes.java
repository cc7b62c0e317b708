package ua.dnipro.contactcenter.statistics;

import java.util.Optional;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.organisation.CityGroups;

/** The codes the city configured, which alone public figures name, and the names of the two others. */
record PublicCodes(ContactCenterProperties properties) {

  boolean isHolder(String key) {
    return CityGroups.DISPATCHERS.equals(key) || properties.department(key) != null;
  }

  boolean isDistrict(String key) {
    return properties.districts().stream().anyMatch(district -> district.code().equals(key));
  }

  boolean isChannel(String key) {
    return properties.channels().stream().anyMatch(channel -> channel.code().equals(key));
  }

  /** The name of {@value PublicFigures#OTHER} or {@value PublicFigures#UNKNOWN}, if the key is one of them. */
  static Optional<String> pooledName(String key) {
    return switch (key) {
      case PublicFigures.OTHER -> Optional.of("Інші райони (менше " + PublicFigures.K + " звернень кожен)");
      case PublicFigures.UNKNOWN -> Optional.of("Невідомо");
      default -> Optional.empty();
    };
  }
}
