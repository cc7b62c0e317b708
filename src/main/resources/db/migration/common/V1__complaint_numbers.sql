-- Human-readable complaint numbers (2026-000123): one counter per calendar year in the city's time zone.
CREATE TABLE cc_complaint_number (
  numbering_year INTEGER NOT NULL PRIMARY KEY,
  last_number    BIGINT  NOT NULL
);
