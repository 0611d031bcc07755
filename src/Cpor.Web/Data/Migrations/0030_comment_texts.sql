-- A system comment (the arbitration notice) is stored as a UiText key and its arguments,
-- rendered in each reader's language, instead of English words. History lines name the key too.
ALTER TABLE claim_comments ADD COLUMN text_key character varying(100);
ALTER TABLE claim_comments ADD COLUMN text_args text[] NOT NULL DEFAULT '{}';
ALTER TABLE claim_comments ALTER COLUMN text_args DROP DEFAULT;

ALTER TABLE claim_events ADD COLUMN comment_key character varying(100);
ALTER TABLE claim_events ADD COLUMN comment_args text[] NOT NULL DEFAULT '{}';
ALTER TABLE claim_events ALTER COLUMN comment_args DROP DEFAULT;

-- Notices written before: the key instead of the English words (history lines stay as written;
-- CommentText.KeyOf recognises them).
UPDATE claim_comments SET text_key = 'comments.arbitrationNotice', body = ''
WHERE author_kind = 'System'
  AND body = 'Arbitration is under way: another partner claims the same workload or subscription. Reviewers compare the proof of execution of both claims before deciding.';
