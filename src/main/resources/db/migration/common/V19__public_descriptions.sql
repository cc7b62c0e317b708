-- What the public may read of a complaint in words (Open311's description): never the citizen's own
-- text, but a text a dispatcher reviewed and published, who and when recorded. Forgotten with the
-- complaint's personal data (README, "Open311 and open data").
CREATE TABLE cc_public_description (
  complaint_number VARCHAR(20)   NOT NULL PRIMARY KEY,
  description      VARCHAR(4000) NOT NULL,
  published_by     VARCHAR(128)  NOT NULL,
  published_at     TIMESTAMP     NOT NULL
);
