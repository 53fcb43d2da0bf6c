-- 0002_platform_tables.sql — platform tables added to the schema (DESIGN 4):
-- sign-in sessions, audit log, job runs, settings, mail outbox.
-- Conventions as in 0001: UUID keys, created_at/updated_at TIMESTAMPTZ NOT NULL
-- DEFAULT now() kept by update_updated_at_column(), snake_case, FK indexes.
-- No BEGIN/COMMIT: the migration runner wraps this file in one transaction.

CREATE TYPE job_run_status AS ENUM ('RUNNING', 'SUCCESS', 'FAILED', 'SKIPPED');
CREATE TYPE mail_status    AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- ---------------------------------------------------------------------------
-- user_sessions — server-side sign-in sessions; only the token's SHA-256 is kept
-- ---------------------------------------------------------------------------

CREATE TABLE user_sessions (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      UUID NOT NULL REFERENCES users (id),
    token_hash   BYTEA NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32), -- sha-256
    csrf_token   TEXT NOT NULL,
    ip           INET,
    user_agent   TEXT,
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(), -- idle expiry is measured from here
    expires_at   TIMESTAMPTZ NOT NULL,               -- absolute expiry
    revoked_at   TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT user_sessions_expires_after_created CHECK (expires_at > created_at)
);

CREATE INDEX idx_user_sessions_user ON user_sessions (user_id); -- FK index
-- for the purge job
CREATE INDEX idx_user_sessions_expires ON user_sessions (expires_at);

CREATE TRIGGER update_user_sessions_updated_at
    BEFORE UPDATE ON user_sessions
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- audit_log — who changed what; append-only (no updated_at)
-- ---------------------------------------------------------------------------

CREATE TABLE audit_log (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    actor_id    UUID REFERENCES users (id), -- NULL for the system (jobs, imports)
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   UUID,
    before      JSONB,
    after       JSONB,
    ip          INET,
    user_agent  TEXT,
    request_id  TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_audit_entity ON audit_log (entity_type, entity_id, created_at DESC);
CREATE INDEX idx_audit_actor ON audit_log (actor_id, created_at DESC); -- also the FK index
CREATE INDEX idx_audit_created ON audit_log (created_at DESC);

-- DECISION: append-only is enforced: UPDATE is refused. DELETE stays possible for
-- a retention purge.
CREATE FUNCTION audit_log_refuse_update()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only'
        USING ERRCODE = 'prohibited_sql_statement_attempted';
END;
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_update();

-- ---------------------------------------------------------------------------
-- job_runs — one row per scheduled job execution
-- ---------------------------------------------------------------------------

CREATE TABLE job_runs (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    job_name      TEXT NOT NULL,
    status        job_run_status NOT NULL DEFAULT 'RUNNING',
    params        JSONB,
    started_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ,
    rows_affected BIGINT CHECK (rows_affected >= 0),
    error         TEXT,
    instance      TEXT, -- which coach instance ran it
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT job_runs_finished_after_start CHECK (finished_at >= started_at)
);

CREATE INDEX idx_job_runs_name_started ON job_runs (job_name, started_at DESC);

CREATE TRIGGER update_job_runs_updated_at
    BEFORE UPDATE ON job_runs
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- settings — key/value configuration editable by admins
-- ---------------------------------------------------------------------------

CREATE TABLE settings (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    key        TEXT NOT NULL UNIQUE,
    value      JSONB NOT NULL,
    updated_by UUID REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_settings_updated_by ON settings (updated_by); -- FK index

CREATE TRIGGER update_settings_updated_at
    BEFORE UPDATE ON settings
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- mail_outbox — mail written in the same transaction as the change, sent later
-- ---------------------------------------------------------------------------

CREATE TABLE mail_outbox (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    to_address      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    kind            TEXT NOT NULL, -- password_reset, reminder, escalation, ...
    status          mail_status NOT NULL DEFAULT 'PENDING',
    attempts        INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';

CREATE TRIGGER update_mail_outbox_updated_at
    BEFORE UPDATE ON mail_outbox
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
