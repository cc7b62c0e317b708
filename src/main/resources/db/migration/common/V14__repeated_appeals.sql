-- Repeated appeals (Law "On Citizens' Appeals", art. 8): the earlier complaint a new one repeats
-- (the same applicant, category, issue type and place, soon after the earlier one was resolved),
-- found by the applicant's phone; a repeated appeal the head left unconsidered is neither open nor
-- resolved in the statistics.
CREATE INDEX cc_personal_data_by_phone ON cc_personal_data (phone);
ALTER TABLE cc_complaint_state ADD COLUMN repeat_of VARCHAR(20);
ALTER TABLE cc_complaint_fact ADD COLUMN left_unconsidered BOOLEAN DEFAULT FALSE NOT NULL;
