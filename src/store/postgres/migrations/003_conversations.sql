-- ConversationStore: what each conversation (a chat, or one user in a group) said last.
CREATE TABLE conversations (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  -- when it was put: older than the quiet spell counts as gone
  at timestamptz NOT NULL,
  -- drawn again on every put: the lowest are the least recently active, pruned beyond the limit
  used bigserial NOT NULL
);
CREATE INDEX conversations_used ON conversations (used);
