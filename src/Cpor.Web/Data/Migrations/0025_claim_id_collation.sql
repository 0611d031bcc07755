-- claims.id is COLLATE "C" (time-ordered ASCII ids, compared bytewise), but the columns that
-- reference it used the default collation, so joins on them could not use the ix_*_claim_id
-- indexes and every claim load scanned the child tables. The references now share the key's
-- collation; the indexes and foreign keys on them are rebuilt by the type change.
ALTER TABLE associations ALTER COLUMN claim_id TYPE character varying(40) COLLATE "C";
ALTER TABLE claim_attachments ALTER COLUMN claim_id TYPE character varying(40) COLLATE "C";
ALTER TABLE claim_comments ALTER COLUMN claim_id TYPE character varying(40) COLLATE "C";
ALTER TABLE claim_events ALTER COLUMN claim_id TYPE character varying(40) COLLATE "C";
ALTER TABLE claim_products ALTER COLUMN claim_id TYPE character varying(40) COLLATE "C";
