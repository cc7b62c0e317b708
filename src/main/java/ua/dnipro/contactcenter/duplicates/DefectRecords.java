package ua.dnipro.contactcenter.duplicates;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the application keeps of reports of one defect: each complaint's likely duplicates found at
 * intake, and which complaint is merged into which (numbers and distances, no personal data).
 */
public interface DefectRecords {

  /** Keeps what was found for a new complaint, once: nothing found is kept too. */
  void recordLikely(String number, List<LikelyDuplicate> found);

  /** The likely duplicates found when the complaint was filed, nearest first. */
  List<LikelyDuplicate> likelyOf(String number);

  void merge(String child, String parent, Instant at, String by);

  /** The complaint a merged child waits for, if it is merged. */
  Optional<String> parentOf(String child);

  /** The complaints merged into the parent. */
  List<String> childrenOf(String parent);

  void unmerge(String child);

  /** An open complaint near a new one, about the same defect (or so it seems): its number and how near. */
  record LikelyDuplicate(String number, Integer distanceMetres, boolean sameAddress) {
  }
}
