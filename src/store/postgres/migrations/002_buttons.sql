-- ButtonStore: what page buttons stand for, under short random ids.
CREATE TABLE buttons (
  id text PRIMARY KEY,
  value jsonb NOT NULL,
  -- drawn again on every use: the lowest are the least recently used, pruned beyond the limit
  used bigserial NOT NULL
);
CREATE INDEX buttons_used ON buttons (used);
