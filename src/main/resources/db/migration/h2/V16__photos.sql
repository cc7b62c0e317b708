-- Photos of a complaint: the citizen's (from the filing channel) and the executors' proof of work.
-- Kept in the database, with the complaint's other records: one backup, one transaction with the
-- complaint's state, and deleted with its personal data (see README, "Photos"). Each photo twice: as
-- uploaded (only the department sees it) and without location and device metadata (everybody else).
CREATE TABLE cc_photo (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  complaint_number VARCHAR(20)  NOT NULL,
  kind             VARCHAR(16)  NOT NULL,
  media_type       VARCHAR(32)  NOT NULL,
  size_bytes       INTEGER      NOT NULL,
  uploaded_at      TIMESTAMP    NOT NULL,
  uploaded_by      VARCHAR(128) NOT NULL,
  original         BLOB         NOT NULL,
  shared           BLOB         NOT NULL
);

CREATE INDEX cc_photo_by_complaint ON cc_photo (complaint_number, uploaded_at);
