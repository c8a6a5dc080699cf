-- The store's tables. Applied once per database, in a transaction, by
-- src/store/postgres/migrate.ts; later changes go in new numbered files.

-- Imported reports: immutable once stored; the newest (highest id) is current.
CREATE TABLE reports (
  id bigserial PRIMARY KEY,
  sha256 text NOT NULL,
  imported_at timestamptz NOT NULL,
  -- the Report as JSON (json, not jsonb: stored and returned as written, never queried into)
  body json NOT NULL
);

CREATE TABLE chats (
  chat_id bigint PRIMARY KEY,
  type text,
  digest text NOT NULL DEFAULT 'off' CHECK (digest IN ('daily', 'weekly', 'off')),
  quiet_from smallint,
  quiet_to smallint,
  yellow boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  inactive_since timestamptz
);

CREATE TABLE subscriptions (
  id text PRIMARY KEY,
  chat_id bigint NOT NULL,
  filter jsonb NOT NULL,
  -- two subscriptions of a chat with the same key are the same subscription
  filter_key text NOT NULL,
  created_at timestamptz NOT NULL,
  active boolean NOT NULL DEFAULT true,
  -- the order they were made in, for lists and digests
  seq bigserial NOT NULL,
  UNIQUE (chat_id, filter_key)
);

CREATE TABLE alerts (
  id text PRIMARY KEY,
  seq bigserial NOT NULL UNIQUE,
  chat_id bigint NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  -- epoch ms before which no replica may send it
  not_before bigint NOT NULL DEFAULT 0,
  silent boolean NOT NULL DEFAULT false,
  sent_at timestamptz,
  message_id bigint,
  error text,
  -- a replica sending it: "about to send" was recorded, the answer was not yet
  sending_since timestamptz
);
CREATE INDEX alerts_pending ON alerts (seq) WHERE state = 'pending';

CREATE TABLE fan_outs (
  report_id bigint PRIMARY KEY,
  report_sha text NOT NULL,
  at timestamptz NOT NULL,
  alerts integer NOT NULL,
  chats integer NOT NULL
);

-- SettingsStore: small JSON values under a scope and a key
CREATE TABLE settings (
  scope text NOT NULL,
  key text NOT NULL,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
