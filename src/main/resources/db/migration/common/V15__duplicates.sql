-- One defect, many reports. At intake the open complaints of the same category (and issue type, where
-- it tells defects apart) near the new one are kept as its likely duplicates: numbers and distances,
-- no personal data. A dispatcher or the department's executor merges a report into the complaint it
-- duplicates (the parent): the child waits in its own process for the parent's resolution, which it
-- then shares; a dispatcher may undo the merge. The statistics count reports (every row) and defects
-- (rows that are no merged child); the map counts defects.
CREATE TABLE cc_likely_duplicate (
  complaint_number VARCHAR(20) NOT NULL,
  duplicate_of     VARCHAR(20) NOT NULL,
  distance_m       INTEGER,
  same_address     BOOLEAN     NOT NULL,
  PRIMARY KEY (complaint_number, duplicate_of)
);

CREATE TABLE cc_defect_merge (
  complaint_number VARCHAR(20)  NOT NULL PRIMARY KEY,
  merged_into      VARCHAR(20)  NOT NULL,
  merged_at        TIMESTAMP    NOT NULL,
  merged_by        VARCHAR(128)
);

CREATE INDEX cc_defect_merge_by_parent ON cc_defect_merge (merged_into);

ALTER TABLE cc_complaint_fact ADD COLUMN merged_into VARCHAR(20);

-- the open complaints of a category received lately: where likely duplicates are looked for
CREATE INDEX cc_complaint_state_by_category ON cc_complaint_state (category, received_at);
