-- The order in which a complaint's photos were sent, kept as a number: photos sent together share
-- their upload time to the millisecond, and a random id does not tell their order. Photos stored
-- before this column count as 0 and keep the order of their upload times.
ALTER TABLE cc_photo ADD COLUMN seq_in_kind INTEGER DEFAULT 0 NOT NULL;
