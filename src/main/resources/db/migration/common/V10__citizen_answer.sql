-- The citizen's answer to a resolution: how often they re-opened it (the department's rework),
-- and the rating (1 to 5) they gave when they confirmed it, and when. Their comment is a free text
-- and lives with the other free texts, forgotten with the personal data (PersonalDataRetention).
ALTER TABLE cc_complaint_state ADD COLUMN reopenings INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE cc_complaint_state ADD COLUMN rating INTEGER;
ALTER TABLE cc_complaint_state ADD COLUMN confirmed_at TIMESTAMP;
