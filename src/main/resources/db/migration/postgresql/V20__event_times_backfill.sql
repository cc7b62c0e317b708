-- The time of each change recorded before V18 added its column, from the change's own history entry
-- ("at", an ISO-8601 instant): Open311's servicerequestupdates and updated_datetime then cover the
-- complaints filed before the upgrade too. Times are kept in UTC, as the application writes them.
UPDATE cc_complaint_event
SET occurred_at = (CAST(entry AS json) ->> 'at')::timestamptz AT TIME ZONE 'UTC'
WHERE occurred_at IS NULL AND CAST(entry AS json) ->> 'at' IS NOT NULL;
