-- Quick notes as the API writes them (docs/domain.md, "Quick notes").

ALTER TABLE quick_notes
    -- Who wrote it: the agent's team leader, or an admin. team_leader_id stays the agent's
    -- team leader at the time (whose team the note is about).
    ADD COLUMN created_by UUID REFERENCES users (id),
    -- The client's Idempotency-Key of the create: a retried create (a phone that lost its
    -- answer, an offline queue sending again) returns the first note instead of a second.
    ADD COLUMN idempotency_key VARCHAR(100),
    -- By when it should be addressed: created_at + 48 h (HIGH), 1 week (MEDIUM) or 2 weeks
    -- (LOW), kept by the trigger below; past it, unaddressed, it escalates to the manager.
    ADD COLUMN address_by TIMESTAMPTZ,
    -- When the manager was told it is past address_by (the note_escalations job, once).
    ADD COLUMN escalated_at TIMESTAMPTZ,
    ADD COLUMN addressed_by UUID REFERENCES users (id);

-- The deadline follows the priority, for every writer (the API, imports, the demo): set on
-- insert, and again when the priority changes.
CREATE FUNCTION set_quick_note_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.priority IS DISTINCT FROM OLD.priority THEN
        NEW.address_by = NEW.created_at + CASE NEW.priority
                                              WHEN 'HIGH' THEN interval '48 hours'
                                              WHEN 'MEDIUM' THEN interval '168 hours'
                                              ELSE interval '336 hours' END;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER set_quick_notes_deadline
    BEFORE INSERT OR UPDATE ON quick_notes
    FOR EACH ROW EXECUTE FUNCTION set_quick_note_deadline();

-- The notes written before, by the same rule.
UPDATE quick_notes
   SET address_by = created_at + CASE priority WHEN 'HIGH' THEN interval '48 hours'
                                               WHEN 'MEDIUM' THEN interval '168 hours'
                                               ELSE interval '336 hours' END;
ALTER TABLE quick_notes ALTER COLUMN address_by SET NOT NULL;

CREATE UNIQUE INDEX idx_notes_idempotency ON quick_notes (created_by, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX idx_notes_created_by ON quick_notes (created_by);     -- FK index
CREATE INDEX idx_notes_addressed_by ON quick_notes (addressed_by); -- FK index
-- The escalation job and the manager's "past deadline" list: open notes by deadline.
CREATE INDEX idx_notes_open_deadline ON quick_notes (address_by) WHERE NOT addressed;

-- A note as the API shows it: its columns, the agent's name, and whether it is past its
-- deadline now (overdue).
CREATE FUNCTION quick_note_json(qn quick_notes) RETURNS json
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT json_build_object(
    'id', qn.id, 'agent_id', qn.agent_id,
    'agent_name', (SELECT name FROM users WHERE id = qn.agent_id),
    'team_leader_id', qn.team_leader_id, 'created_by', qn.created_by,
    'note_type', qn.note_type, 'category', qn.category, 'subcategory', qn.subcategory,
    'content', qn.content, 'call_id', qn.call_id, 'customer_id', qn.customer_id,
    'timestamp_occurred', qn.timestamp_occurred, 'priority', qn.priority,
    'requires_follow_up', qn.requires_follow_up, 'linked_session_id', qn.linked_session_id,
    'addressed', qn.addressed, 'addressed_date', qn.addressed_date,
    'addressed_notes', qn.addressed_notes, 'addressed_by', qn.addressed_by,
    'address_by', qn.address_by,
    'overdue', NOT qn.addressed AND qn.address_by < now(),
    'escalated_at', qn.escalated_at,
    'created_at', qn.created_at, 'updated_at', qn.updated_at)
$$;
