-- Still open forty-five days after receipt: past what the Law "On Citizens' Appeals" (art. 20)
-- allows even with an extension; the controllers handle it as a violation.
ALTER TABLE cc_complaint_state ADD COLUMN statutory_limit_passed BOOLEAN DEFAULT FALSE NOT NULL;
