-- A complaint outside the city's competence, forwarded to the competent body (Law "On Citizens'
-- Appeals", art. 7): which body (a public body's name, not personal data). In the statistics it is
-- neither open nor resolved, and no department answers for it.
ALTER TABLE cc_complaint_state ADD COLUMN forwarded_to VARCHAR(300);
ALTER TABLE cc_complaint_fact ADD COLUMN forwarded BOOLEAN DEFAULT FALSE NOT NULL;
