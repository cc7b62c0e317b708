-- Open311 GeoReport v2 (see README, "Open311"): the public list of requests is asked by the date
-- received, and the feed of updates (mySociety's servicerequestupdates) by the time of each change.
-- Changes recorded before this column have no time of their own here and stay out of the feed.
ALTER TABLE cc_complaint_event ADD COLUMN occurred_at TIMESTAMP;
CREATE INDEX cc_complaint_event_by_time ON cc_complaint_event (occurred_at);
CREATE INDEX cc_complaint_state_by_received ON cc_complaint_state (received_at);
