-- For the public efficiency ranking: how often each complaint was re-opened (rework), and the
-- citizen's rating (1 to 5) when they confirmed the resolution.
ALTER TABLE cc_complaint_fact ADD COLUMN reopened_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE cc_complaint_fact ADD COLUMN rating INTEGER;
