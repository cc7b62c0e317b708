-- One row per complaint for statistics and the map, kept up to date by the process in the same
-- transactions as its status changes. No personal data: codes, times and a ~1 km map cell only.
-- Week and month columns hold the first day of the week (Monday) and month in Kyiv time, so that
-- grouping needs no time-zone arithmetic in SQL and works alike on PostgreSQL and H2.
CREATE TABLE cc_complaint_fact (
  complaint_number   VARCHAR(20)      NOT NULL PRIMARY KEY,
  channel            VARCHAR(32)      NOT NULL,
  category           VARCHAR(64),
  issue_type         VARCHAR(64),
  district           VARCHAR(64),
  department         VARCHAR(64),
  sla_tier           VARCHAR(32),
  received_at        TIMESTAMP        NOT NULL,
  received_day       DATE             NOT NULL,
  received_week      DATE             NOT NULL,
  received_month     DATE             NOT NULL,
  due_at             TIMESTAMP,
  resolved_at        TIMESTAMP,
  resolved_day       DATE,
  resolved_week      DATE,
  resolved_month     DATE,
  resolution_minutes BIGINT,
  resolved_on_time   BOOLEAN,
  overdue            BOOLEAN          DEFAULT FALSE NOT NULL,
  returned_count     INTEGER          DEFAULT 0 NOT NULL,
  cell_lat           DOUBLE PRECISION,
  cell_lon           DOUBLE PRECISION
);

CREATE INDEX cc_fact_received_day ON cc_complaint_fact (received_day);
CREATE INDEX cc_fact_resolved_day ON cc_complaint_fact (resolved_day);
