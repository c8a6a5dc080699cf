-- The supervision loop (督办): chats bound to units, reminders sent to them, the units' replies.

-- Inline buttons under an alert (a reminder's 反馈 buttons): rows of {text, data}.
ALTER TABLE alerts ADD COLUMN buttons jsonb;

CREATE TABLE bindings (
  id text PRIMARY KEY,
  chat_id bigint NOT NULL,
  unit text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'approved', 'refused')),
  chat_title text,
  requested_by bigint NOT NULL,
  requested_at timestamptz NOT NULL,
  decided_by bigint,
  decided_at timestamptz,
  seq bigserial NOT NULL,
  UNIQUE (chat_id, unit)
);

CREATE TABLE reminders (
  id text PRIMARY KEY,
  report_id bigint NOT NULL,
  unit text NOT NULL,
  targets jsonb NOT NULL,
  chat_ids jsonb NOT NULL,
  by_user bigint NOT NULL,
  at timestamptz NOT NULL,
  seq bigserial NOT NULL
);
CREATE INDEX reminders_report ON reminders (report_id, seq);

CREATE TABLE replies (
  id text PRIMARY KEY,
  report_id bigint NOT NULL,
  target text NOT NULL,
  unit text NOT NULL,
  chat_id bigint NOT NULL,
  user_id bigint NOT NULL,
  person text NOT NULL,
  text text NOT NULL,
  file jsonb,
  at timestamptz NOT NULL,
  seq bigserial NOT NULL
);
CREATE INDEX replies_report ON replies (report_id, seq);

-- A person who tapped 反馈: the next message in that chat is the reply.
CREATE TABLE reply_waits (
  chat_id bigint NOT NULL,
  user_id bigint NOT NULL,
  awaited jsonb NOT NULL,
  PRIMARY KEY (chat_id, user_id)
);
