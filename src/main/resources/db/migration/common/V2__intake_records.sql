-- One row per accepted complaint, written in the same transaction as its process start: the
-- record of its receipt (number, channel, time), and the channel's idempotency key while it is kept.
CREATE TABLE cc_complaint (
  complaint_number    VARCHAR(20)  NOT NULL PRIMARY KEY,
  channel             VARCHAR(32)  NOT NULL,
  received_at         TIMESTAMP    NOT NULL,
  process_instance_id VARCHAR(64)  NOT NULL,
  idempotency_key     VARCHAR(200),
  request_hash        CHAR(64)     NOT NULL,
  key_expires_at      TIMESTAMP
);

CREATE UNIQUE INDEX cc_complaint_idempotency ON cc_complaint (channel, idempotency_key);
CREATE INDEX cc_complaint_key_expiry ON cc_complaint (key_expires_at);
