-- UpdateLog: the update_ids handled, so that an update Telegram delivers again is not answered twice.
CREATE TABLE processed_updates (
  update_id bigint PRIMARY KEY,
  -- drawn on every add: the lowest are the oldest, pruned beyond the limit
  seq bigserial NOT NULL
);
CREATE INDEX processed_updates_seq ON processed_updates (seq);
