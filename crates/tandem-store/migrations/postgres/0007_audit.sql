-- The append-only audit trail (issue 6, item 7): who changed what, when, before and after, for
-- support records, declarations, ledgers and claims. Each entry's hash covers its fields, its
-- content's hash and the previous entry's hash (tandem-core/src/audit.rs), so altering, removing
-- or reordering any entry breaks the chain `tandem audit verify` walks. The content (JSON with
-- "before" and "after", which may name people) is hashed with its own random salt: erasing a
-- person blanks content and salt, keeps the content hash, and the chain still verifies.
-- Keep in lock-step with migrations/sqlite/0007_audit.sql (tests compare the schemas).

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    -- Not a foreign key: the trail must not change when accounts do.
    actor_user_id UUID,
    entity_kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    content TEXT,
    salt TEXT,
    content_hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    entry_hash TEXT NOT NULL,
    erased_at TIMESTAMPTZ
);
CREATE INDEX audit_log_entity ON audit_log (entity_kind, entity_id, seq);

-- Append-only: no entry is deleted or truncated, and the only change allowed is erasing the
-- content.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Nested: NEW and OLD exist only for row-level UPDATE.
    IF TG_OP = 'UPDATE' THEN
        IF NEW.content IS NULL AND NEW.salt IS NULL AND NEW.erased_at IS NOT NULL
            AND NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id
            AND NEW.entity_kind = OLD.entity_kind AND NEW.entity_id = OLD.entity_id AND NEW.action = OLD.action
            AND NEW.content_hash = OLD.content_hash AND NEW.prev_hash = OLD.prev_hash AND NEW.entry_hash = OLD.entry_hash
        THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused (only the content of an entry can be erased)', TG_OP;
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
