-- A claim's history is append-only (CPOR.md §5): the database refuses to change or remove a line,
-- whatever code runs against it.
CREATE FUNCTION claim_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'claim_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER claim_events_no_update_or_delete
    BEFORE UPDATE OR DELETE ON claim_events
    FOR EACH ROW EXECUTE FUNCTION claim_events_append_only();

CREATE TRIGGER claim_events_no_truncate
    BEFORE TRUNCATE ON claim_events
    FOR EACH STATEMENT EXECUTE FUNCTION claim_events_append_only();
