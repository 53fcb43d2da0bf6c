-- 0001_schema.sql — PostgreSQL 15 translation of the Coach data model
-- (/work/shared/seed/000_84723346824089ad.txt, "the draft").
--
-- Same tables, columns and semantics as the draft. Every deviation carries a
-- "FIX:" comment (draft wrong or invalid) or a "DECISION:" comment (draft silent).
-- Decisions that apply to every table, stated once here:
--   * DECISION (all tables): TIMESTAMP -> TIMESTAMPTZ. The API serves RFC 3339 UTC
--     and a multi-timezone contact center needs absolute instants.
--   * FIX (all tables): MySQL-style inline ENUM(...) is not PostgreSQL; each enum is
--     a named CREATE TYPE ... AS ENUM.
--   * DECISION (all tables): columns that have a DEFAULT in the draft (status,
--     priority, flags, counters, created_at/updated_at) are also NOT NULL: a NULL
--     status/flag has no meaning and would slip past the partial indexes and the
--     triggers. An omitted value still gets the default.
--   * FIX (all tables): "Timestamps: created_at, updated_at on all tables" (draft
--     conventions) but performance_history, coaching_effectiveness and import_logs
--     had no updated_at although the application rewrites those rows (history
--     upserts, metrics_after filled later, import status progression). Added.
--   * FIX: the updated_at trigger was only attached to users ("Repeat for all
--     tables..."); it is attached to every table that has updated_at below.
--   * FIX: "indexes on all foreign keys" was not true in the draft; every FK column
--     not the leading column of an index now has one (marked "FK index").
--
-- No BEGIN/COMMIT: the migration runner wraps this file in one transaction.

-- ---------------------------------------------------------------------------
-- Enum types
-- ---------------------------------------------------------------------------

CREATE TYPE user_role          AS ENUM ('ADMIN', 'MANAGER', 'TEAM_LEADER', 'AGENT');
CREATE TYPE user_status        AS ENUM ('ACTIVE', 'PIP', 'LEAVE', 'TERMINATED');
CREATE TYPE period_type        AS ENUM ('WEEK', 'MONTH', 'QUARTER');
CREATE TYPE session_type       AS ENUM ('REGULAR', 'FOLLOW_UP', 'PIP_CHECK', 'URGENT');
CREATE TYPE session_status     AS ENUM ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW');
CREATE TYPE note_type          AS ENUM ('POSITIVE', 'COACHING', 'URGENT', 'COMPLIANCE', 'GENERAL');
CREATE TYPE priority_level     AS ENUM ('HIGH', 'MEDIUM', 'LOW');
CREATE TYPE action_item_status AS ENUM ('PENDING', 'IN_PROGRESS', 'COMPLETED', 'OVERDUE', 'CANCELLED');
CREATE TYPE action_plan_status AS ENUM ('DRAFT', 'ACTIVE', 'COMPLETED', 'EXTENDED', 'FAILED', 'CANCELLED');
CREATE TYPE check_in_frequency AS ENUM ('DAILY', 'TWICE_WEEKLY', 'WEEKLY', 'BIWEEKLY');
CREATE TYPE plan_outcome       AS ENUM ('SUCCESS', 'FAILURE', 'EXTENDED', 'RESIGNED');
CREATE TYPE learning_style     AS ENUM ('VISUAL', 'AUDITORY', 'KINESTHETIC', 'READING');
CREATE TYPE import_type        AS ENUM ('METRICS', 'USERS', 'COACHING_HISTORY', 'PROFILES');
CREATE TYPE import_status      AS ENUM ('VALIDATING', 'PROCESSING', 'SUCCESS', 'PARTIAL_SUCCESS', 'FAILED', 'ROLLED_BACK');

-- ---------------------------------------------------------------------------
-- updated_at maintenance
-- ---------------------------------------------------------------------------

-- FIX: language 'plpgsql' as a quoted string is deprecated; plain identifier.
CREATE FUNCTION update_updated_at_column()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;

-- ---------------------------------------------------------------------------
-- users
-- ---------------------------------------------------------------------------

CREATE TABLE users (
    id                     UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    -- FIX: UNIQUE on email was case-sensitive (Ann@x.com and ann@x.com could both
    -- exist); uniqueness is enforced by idx_users_email_lower below instead.
    email                  VARCHAR(255) NOT NULL,
    password_hash          VARCHAR(255) NOT NULL, -- bcrypt hashed
    name                   VARCHAR(255) NOT NULL,
    role                   user_role NOT NULL,

    -- Organizational hierarchy
    team_leader_id         UUID REFERENCES users (id), -- for agents
    manager_id             UUID REFERENCES users (id), -- for team leaders
    department             VARCHAR(100),

    -- Profile information
    employee_id            VARCHAR(50) UNIQUE,
    hire_date              DATE,
    phone                  VARCHAR(20),
    avatar_url             VARCHAR(500),

    -- Status and preferences
    status                 user_status NOT NULL DEFAULT 'ACTIVE',
    learning_style         VARCHAR(50), -- Visual, Auditory, Kinesthetic (free text here)
    shift_pattern          VARCHAR(50), -- Morning, Evening, Night, Rotating
    timezone               VARCHAR(50) NOT NULL DEFAULT 'UTC',

    -- System fields
    last_login_at          TIMESTAMPTZ,
    password_reset_token   VARCHAR(255),
    password_reset_expires TIMESTAMPTZ,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at             TIMESTAMPTZ, -- soft delete

    -- DECISION: nobody is their own team leader or manager.
    CONSTRAINT users_team_leader_not_self CHECK (team_leader_id <> id),
    CONSTRAINT users_manager_not_self     CHECK (manager_id <> id)
);

-- FIX: idx_users_email (plain, on email) duplicated the UNIQUE constraint's index.
-- Replaced by one case-insensitive unique index; look users up with
-- lower(email) = lower($1) (upserts: ON CONFLICT (lower(email))).
-- DECISION: uniqueness covers soft-deleted users too (as the draft's UNIQUE did).
CREATE UNIQUE INDEX idx_users_email_lower ON users (lower(email));
CREATE INDEX idx_users_role ON users (role);
CREATE INDEX idx_users_team_leader ON users (team_leader_id);
CREATE INDEX idx_users_manager ON users (manager_id);
CREATE INDEX idx_users_status ON users (status) WHERE deleted_at IS NULL;
-- DECISION: password reset confirmation looks users up by token. Store only a hash
-- of the token (e.g. SHA-256 hex) in password_reset_token, never the token itself.
CREATE INDEX idx_users_password_reset_token ON users (password_reset_token)
    WHERE password_reset_token IS NOT NULL;

CREATE TRIGGER update_users_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- performance_metrics — daily performance data for agents
-- ---------------------------------------------------------------------------

CREATE TABLE performance_metrics (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id            UUID NOT NULL REFERENCES users (id),
    metric_date         DATE NOT NULL,

    -- Core performance scores (0-100)
    service_score       DECIMAL(5,2) CHECK (service_score >= 0 AND service_score <= 100),
    productivity_score  DECIMAL(5,2) CHECK (productivity_score >= 0 AND productivity_score <= 100),
    quality_score       DECIMAL(5,2) CHECK (quality_score >= 0 AND quality_score <= 100),
    attendance_rate     DECIMAL(5,2) CHECK (attendance_rate >= 0 AND attendance_rate <= 100),
    adherence_score     DECIMAL(5,2) CHECK (adherence_score >= 0 AND adherence_score <= 100),

    -- Detailed operational metrics
    -- FIX (all CHECKs in this table below): the draft left these unchecked; the
    -- ranges are the ones stated in the draft's own comments.
    csat                DECIMAL(3,2) CHECK (csat BETWEEN 1 AND 5),   -- 1-5 scale
    fcr                 DECIMAL(5,2) CHECK (fcr BETWEEN 0 AND 100),  -- percentage
    aht                 INTEGER CHECK (aht >= 0),                    -- seconds
    calls_handled       INTEGER CHECK (calls_handled >= 0),
    calls_transferred   INTEGER CHECK (calls_transferred >= 0),
    calls_escalated     INTEGER CHECK (calls_escalated >= 0),

    -- Schedule adherence details (hours of one day)
    scheduled_hours     DECIMAL(4,2) CHECK (scheduled_hours BETWEEN 0 AND 24),
    actual_hours        DECIMAL(4,2) CHECK (actual_hours BETWEEN 0 AND 24),
    break_time_minutes  INTEGER CHECK (break_time_minutes >= 0),
    lunch_time_minutes  INTEGER CHECK (lunch_time_minutes >= 0),
    aux_time_minutes    INTEGER CHECK (aux_time_minutes >= 0), -- training, meetings

    -- Compliance metrics (percentages / scores 0-100)
    script_adherence    DECIMAL(5,2) CHECK (script_adherence BETWEEN 0 AND 100),
    compliance_score    DECIMAL(5,2) CHECK (compliance_score BETWEEN 0 AND 100),
    qa_score            DECIMAL(5,2) CHECK (qa_score BETWEEN 0 AND 100),

    -- Composite = 0.25 service + 0.20 productivity + 0.20 quality
    --           + 0.20 attendance + 0.15 adherence; NULL when a component is NULL.
    -- Weights sum to 1.00, so the maximum is 100.00 and DECIMAL(5,2) cannot overflow;
    -- the exact value (4 decimals) is rounded half away from zero to 2 decimals.
    composite_score     DECIMAL(5,2) GENERATED ALWAYS AS (
        (service_score * 0.25
         + productivity_score * 0.20
         + quality_score * 0.20
         + attendance_rate * 0.20
         + adherence_score * 0.15)::DECIMAL(5,2)
    ) STORED,

    -- Metadata
    imported_from       VARCHAR(255), -- source file name if imported
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),

    -- Prevent duplicate entries; its index (agent_id, metric_date) is the FK index.
    CONSTRAINT performance_metrics_agent_id_metric_date_key UNIQUE (agent_id, metric_date)
);

-- FIX: idx_metrics_agent_date (agent_id, metric_date DESC) duplicated the UNIQUE
-- index above (a btree is scanned backwards just as fast) and only slowed every
-- import; dropped.
CREATE INDEX idx_metrics_date ON performance_metrics (metric_date DESC);
CREATE INDEX idx_metrics_composite ON performance_metrics (composite_score);

CREATE TRIGGER update_performance_metrics_updated_at
    BEFORE UPDATE ON performance_metrics
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- performance_history — weekly/monthly/quarterly aggregates for trends
-- ---------------------------------------------------------------------------

CREATE TABLE performance_history (
    id                     UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id               UUID NOT NULL REFERENCES users (id),
    period_type            period_type NOT NULL,
    period_ending          DATE NOT NULL,

    -- Aggregated metrics (averages for the period)
    avg_service_score      DECIMAL(5,2),
    avg_productivity_score DECIMAL(5,2),
    avg_quality_score      DECIMAL(5,2),
    avg_attendance_rate    DECIMAL(5,2),
    avg_adherence_score    DECIMAL(5,2),
    avg_composite_score    DECIMAL(5,2),

    -- Trends (change from previous period, -100..100; positive = improvement)
    service_trend          DECIMAL(5,2),
    productivity_trend     DECIMAL(5,2),
    quality_trend          DECIMAL(5,2),
    attendance_trend       DECIMAL(5,2),
    adherence_trend        DECIMAL(5,2),

    -- Statistical measures
    -- FIX: DECIMAL(5,2) (max 999.99) overflowed: the sample variance of a daily
    -- composite in 0..100 reaches 5000 (two days at 0 and 100). NUMERIC(7,2) holds it.
    score_variance         NUMERIC(7,2) CHECK (score_variance >= 0),
    days_worked            INTEGER,

    -- Significant events during period
    annotations            JSONB, -- {events: [{date, type, description}]}

    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT performance_history_agent_id_period_type_period_ending_key
        UNIQUE (agent_id, period_type, period_ending),
    -- DECISION: days with data cannot exceed the period length (7, 31, 92 days).
    CONSTRAINT performance_history_days_worked_range CHECK (
        days_worked >= 0
        AND days_worked <= CASE period_type
                               WHEN 'WEEK'  THEN 7
                               WHEN 'MONTH' THEN 31
                               ELSE 92
                           END
    ),
    -- DECISION: DESIGN 7 fixes period ends: WEEK on Sunday (ISO), MONTH on the
    -- month's last day, QUARTER on the quarter's last day.
    CONSTRAINT performance_history_period_ending_valid CHECK (
        CASE period_type
            WHEN 'WEEK'  THEN EXTRACT(ISODOW FROM period_ending) = 7
            WHEN 'MONTH' THEN EXTRACT(DAY FROM period_ending + 1) = 1
            ELSE EXTRACT(DAY FROM period_ending + 1) = 1
                 AND EXTRACT(MONTH FROM period_ending + 1) IN (1, 4, 7, 10)
        END
    )
);

CREATE INDEX idx_history_agent_period ON performance_history (agent_id, period_ending DESC);

CREATE TRIGGER update_performance_history_updated_at
    BEFORE UPDATE ON performance_history
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- coaching_sessions
-- ---------------------------------------------------------------------------

CREATE TABLE coaching_sessions (
    id                    UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id              UUID NOT NULL REFERENCES users (id),
    team_leader_id        UUID NOT NULL REFERENCES users (id),

    -- Scheduling
    scheduled_date        TIMESTAMPTZ NOT NULL,
    actual_start_time     TIMESTAMPTZ,
    actual_end_time       TIMESTAMPTZ,
    -- FIX: the draft relied on an implicit numeric -> integer assignment cast;
    -- the rounding is now explicit (nearest minute, half away from zero).
    -- timestamptz - timestamptz and EXTRACT(EPOCH FROM interval) are immutable,
    -- so the expression stays valid for a generated column after the TIMESTAMPTZ
    -- change. NULL until both times are set.
    duration_minutes      INTEGER GENERATED ALWAYS AS (
        (round(EXTRACT(EPOCH FROM (actual_end_time - actual_start_time)) / 60))::integer
    ) STORED,

    -- Session type and status
    session_type          session_type NOT NULL DEFAULT 'REGULAR',
    status                session_status NOT NULL DEFAULT 'SCHEDULED',

    -- Preparation data
    prep_data             JSONB, -- {agenda_items, metrics_snapshot, suggested_topics}

    -- Session content
    topics_covered        TEXT[],
    discussion_notes      TEXT,
    agent_commitments     TEXT,
    resources_shared      TEXT[],

    -- Behavioral observations
    engagement_score      INTEGER CHECK (engagement_score BETWEEN 1 AND 5),
    receptiveness_score   INTEGER CHECK (receptiveness_score BETWEEN 1 AND 5),
    understanding_score   INTEGER CHECK (understanding_score BETWEEN 1 AND 5),

    -- Outcomes
    overall_effectiveness INTEGER CHECK (overall_effectiveness BETWEEN 1 AND 5),
    key_achievements      TEXT,
    areas_of_concern      TEXT,

    -- Follow-up
    follow_up_required    BOOLEAN NOT NULL DEFAULT FALSE,
    follow_up_date        DATE,
    follow_up_topics      TEXT[],

    -- Metadata
    cancelled_reason      TEXT,
    no_show_reason        TEXT,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now(),

    -- FIX: a session cannot end before it starts (negative duration_minutes).
    CONSTRAINT coaching_sessions_end_after_start
        CHECK (actual_end_time >= actual_start_time),
    -- DECISION: a team leader does not coach themselves.
    CONSTRAINT coaching_sessions_agent_not_leader CHECK (agent_id <> team_leader_id)
);

CREATE INDEX idx_sessions_agent ON coaching_sessions (agent_id, scheduled_date DESC);
CREATE INDEX idx_sessions_leader ON coaching_sessions (team_leader_id, scheduled_date DESC);
CREATE INDEX idx_sessions_status ON coaching_sessions (status);
CREATE INDEX idx_sessions_date ON coaching_sessions (scheduled_date);

CREATE TRIGGER update_coaching_sessions_updated_at
    BEFORE UPDATE ON coaching_sessions
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- quick_notes — real-time observations by team leaders
-- ---------------------------------------------------------------------------

CREATE TABLE quick_notes (
    id                 UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    team_leader_id     UUID NOT NULL REFERENCES users (id),
    agent_id           UUID NOT NULL REFERENCES users (id),

    -- Note categorization
    note_type          note_type NOT NULL,
    category           VARCHAR(100),
    subcategory        VARCHAR(100),

    -- Content
    content            TEXT NOT NULL,

    -- Context (optional)
    call_id            VARCHAR(100),
    customer_id        VARCHAR(100),
    timestamp_occurred TIMESTAMPTZ NOT NULL DEFAULT now(), -- when the behavior happened

    -- Priority and handling
    priority           priority_level NOT NULL DEFAULT 'MEDIUM',
    requires_follow_up BOOLEAN NOT NULL DEFAULT FALSE,

    -- Linking to coaching
    linked_session_id  UUID REFERENCES coaching_sessions (id),
    addressed          BOOLEAN NOT NULL DEFAULT FALSE,
    addressed_date     TIMESTAMPTZ,
    addressed_notes    TEXT,

    -- Metadata
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),

    -- DECISION: a team leader does not write notes about themselves.
    CONSTRAINT quick_notes_agent_not_leader CHECK (agent_id <> team_leader_id)
);

CREATE INDEX idx_notes_agent_unaddressed ON quick_notes (agent_id, addressed)
    WHERE addressed = FALSE;
CREATE INDEX idx_notes_leader ON quick_notes (team_leader_id, created_at DESC);
CREATE INDEX idx_notes_priority ON quick_notes (priority, created_at DESC)
    WHERE addressed = FALSE;
-- FK index: idx_notes_agent_unaddressed is partial, so it does not cover agent_id.
CREATE INDEX idx_notes_agent ON quick_notes (agent_id, created_at DESC);
CREATE INDEX idx_notes_linked_session ON quick_notes (linked_session_id); -- FK index

CREATE TRIGGER update_quick_notes_updated_at
    BEFORE UPDATE ON quick_notes
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- action_items — trackable tasks from coaching sessions
-- ---------------------------------------------------------------------------

CREATE TABLE action_items (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id          UUID REFERENCES coaching_sessions (id),
    agent_id            UUID NOT NULL REFERENCES users (id),
    assigned_by         UUID NOT NULL REFERENCES users (id),

    -- Task details
    title               VARCHAR(255) NOT NULL,
    description         TEXT NOT NULL,
    category            VARCHAR(100),

    -- Timing
    due_date            DATE NOT NULL,
    reminder_date       DATE,
    completed_date      TIMESTAMPTZ,

    -- Priority and status
    priority            priority_level NOT NULL DEFAULT 'MEDIUM',
    status              action_item_status NOT NULL DEFAULT 'PENDING',

    -- Progress tracking
    progress_percentage INTEGER NOT NULL DEFAULT 0
        CHECK (progress_percentage >= 0 AND progress_percentage <= 100),
    progress_notes      TEXT,
    blockers            TEXT,

    -- Completion details
    completion_notes    TEXT,
    verified_by         UUID REFERENCES users (id),
    verification_date   TIMESTAMPTZ,

    -- Metadata
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_actions_agent_status ON action_items (agent_id, status, due_date);
CREATE INDEX idx_actions_session ON action_items (session_id);
CREATE INDEX idx_actions_due ON action_items (due_date) WHERE status IN ('PENDING', 'IN_PROGRESS');
CREATE INDEX idx_actions_assigned_by ON action_items (assigned_by); -- FK index
CREATE INDEX idx_actions_verified_by ON action_items (verified_by); -- FK index

CREATE TRIGGER update_action_items_updated_at
    BEFORE UPDATE ON action_items
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- OVERDUE is derived from due_date and completion, on every insert and update
-- (the daily sweep just touches open items past due so this trigger runs).
-- Kept from the draft: PENDING/IN_PROGRESS past due and not completed -> OVERDUE.
-- FIX: the draft never left OVERDUE: moving due_date to today or later left the
-- item OVERDUE forever. Now it goes back to IN_PROGRESS when progress was made,
-- else PENDING.
-- FIX: status COMPLETED without completed_date left the completion time unknown;
-- it is set to now(). DECISION: an item with completed_date set is never OVERDUE:
-- an OVERDUE row that gets a completed_date becomes COMPLETED.
-- CANCELLED is left alone. "Today" is CURRENT_DATE in the session time zone (UTC
-- for the server).
CREATE FUNCTION update_action_item_status()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.status = 'COMPLETED' THEN
        IF NEW.completed_date IS NULL THEN
            NEW.completed_date = now();
        END IF;
    ELSIF NEW.status IN ('PENDING', 'IN_PROGRESS') THEN
        IF NEW.due_date < CURRENT_DATE AND NEW.completed_date IS NULL THEN
            NEW.status = 'OVERDUE';
        END IF;
    ELSIF NEW.status = 'OVERDUE' THEN
        IF NEW.completed_date IS NOT NULL THEN
            NEW.status = 'COMPLETED';
        ELSIF NEW.due_date >= CURRENT_DATE THEN
            NEW.status = CASE WHEN NEW.progress_percentage > 0
                              THEN 'IN_PROGRESS'::action_item_status
                              ELSE 'PENDING'::action_item_status
                         END;
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER check_action_overdue
    BEFORE INSERT OR UPDATE ON action_items
    FOR EACH ROW EXECUTE FUNCTION update_action_item_status();

-- ---------------------------------------------------------------------------
-- action_plans — Performance Improvement Plans (PIPs)
-- ---------------------------------------------------------------------------

CREATE TABLE action_plans (
    id                 UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id           UUID NOT NULL REFERENCES users (id),
    created_by         UUID NOT NULL REFERENCES users (id),
    approved_by        UUID REFERENCES users (id),

    -- Plan timeline
    start_date         DATE NOT NULL,
    target_end_date    DATE NOT NULL,
    actual_end_date    DATE,
    extension_count    INTEGER NOT NULL DEFAULT 0 CHECK (extension_count >= 0),

    -- Status tracking
    status             action_plan_status NOT NULL DEFAULT 'DRAFT',

    -- Plan details
    reason_for_plan    TEXT NOT NULL,

    -- Target metrics, e.g.
    -- {"service_score": {"target": 85, "current": 72}, ...}
    target_metrics     JSONB NOT NULL,

    -- Success criteria, e.g.
    -- {"mandatory": ["service_score >= 85", "no_absences"], "recommended": [...]}
    success_criteria   JSONB NOT NULL,

    -- Check-in schedule
    check_in_frequency check_in_frequency NOT NULL DEFAULT 'WEEKLY',
    next_check_in_date DATE,

    -- Progress tracking
    progress_updates   JSONB, -- array of updates with dates and metrics
    current_score      DECIMAL(5,2) CHECK (current_score BETWEEN 0 AND 100), -- % of mandatory criteria met

    -- Outcome
    outcome            plan_outcome,
    outcome_notes      TEXT,
    lessons_learned    TEXT,

    -- Metadata
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),

    -- FIX: a plan cannot end before it starts.
    CONSTRAINT action_plans_target_after_start CHECK (target_end_date >= start_date),
    CONSTRAINT action_plans_actual_after_start CHECK (actual_end_date >= start_date)
);

-- FIX: an EXTENDED plan is still running (it has check-ins and counts as an active
-- PIP), so the "active" partial indexes cover ACTIVE and EXTENDED.
CREATE INDEX idx_plans_agent_active ON action_plans (agent_id)
    WHERE status IN ('ACTIVE', 'EXTENDED');
CREATE INDEX idx_plans_check_in ON action_plans (next_check_in_date)
    WHERE status IN ('ACTIVE', 'EXTENDED');
-- FK index: idx_plans_agent_active is partial, so it does not cover agent_id.
CREATE INDEX idx_plans_agent ON action_plans (agent_id, start_date DESC);
CREATE INDEX idx_plans_created_by ON action_plans (created_by);   -- FK index
CREATE INDEX idx_plans_approved_by ON action_plans (approved_by); -- FK index

CREATE TRIGGER update_action_plans_updated_at
    BEFORE UPDATE ON action_plans
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- coaching_effectiveness — which coaching methods work
-- ---------------------------------------------------------------------------

CREATE TABLE coaching_effectiveness (
    id                             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id                     UUID REFERENCES coaching_sessions (id),
    agent_id                       UUID NOT NULL REFERENCES users (id),
    team_leader_id                 UUID NOT NULL REFERENCES users (id),

    -- Issue addressed
    primary_issue                  VARCHAR(255), -- AHT, Quality, Attendance, ...
    intervention_method            VARCHAR(255), -- Role-play, Shadowing, Training, ...

    -- Metrics before and after
    metrics_before                 JSONB,
    metrics_after                  JSONB,
    -- FIX: a zero or negative measurement period is meaningless.
    measurement_period_days        INTEGER NOT NULL DEFAULT 14 CHECK (measurement_period_days > 0),

    -- Improvement analysis
    -- FIX: DECIMAL(5,2) (max 999.99 %) overflowed on a low baseline: a score going
    -- 5 -> 90 is +1700 %, 0.01 -> 100 is +999900 %, calls 1 -> 1000 is +99900 %.
    -- NUMERIC(10,2) holds up to 99,999,999.99 %. A zero baseline has no
    -- percentage: store NULL.
    improvement_percentage         NUMERIC(10,2),
    sustained_after_30_days        BOOLEAN,
    sustained_after_90_days        BOOLEAN,

    -- Success factors
    success_factors                TEXT[],
    failure_factors                TEXT[],

    -- Recommendations
    recommended_for_similar_issues BOOLEAN NOT NULL DEFAULT FALSE,
    notes                          TEXT,

    created_at                     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_effectiveness_agent ON coaching_effectiveness (agent_id);
CREATE INDEX idx_effectiveness_method ON coaching_effectiveness (intervention_method);
CREATE INDEX idx_effectiveness_session ON coaching_effectiveness (session_id);         -- FK index
CREATE INDEX idx_effectiveness_team_leader ON coaching_effectiveness (team_leader_id); -- FK index

CREATE TRIGGER update_coaching_effectiveness_updated_at
    BEFORE UPDATE ON coaching_effectiveness
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- agent_profiles — behavioral and learning profiles
-- ---------------------------------------------------------------------------

CREATE TABLE agent_profiles (
    agent_id                  UUID PRIMARY KEY REFERENCES users (id),

    -- Learning preferences
    learning_style            learning_style NOT NULL,
    preferred_feedback_method VARCHAR(100), -- Written, Verbal, Demonstration

    -- Motivational factors
    primary_motivators        TEXT[],
    demotivators              TEXT[],

    -- Strengths and development areas
    core_strengths            TEXT[],
    development_areas         TEXT[],
    hidden_talents            TEXT[],

    -- Behavioral patterns
    stress_indicators         TEXT[],
    success_patterns          TEXT[],

    -- Coaching preferences
    best_coaching_time        VARCHAR(50), -- Morning, Afternoon, End of shift
    -- FIX: a session length must be positive (minutes).
    preferred_session_length  INTEGER CHECK (preferred_session_length > 0),
    responds_well_to          TEXT[],

    -- Historical insights
    career_aspirations        TEXT,
    personal_goals            TEXT,

    -- Peer comparisons (anonymous)
    peer_comparison_opt_in    BOOLEAN NOT NULL DEFAULT TRUE,
    percentile_ranking        JSONB, -- {service: 75, quality: 82, ...}

    -- Metadata
    profile_created_by        UUID REFERENCES users (id),
    last_updated_by           UUID REFERENCES users (id),
    created_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_profiles_created_by ON agent_profiles (profile_created_by); -- FK index
CREATE INDEX idx_profiles_updated_by ON agent_profiles (last_updated_by);   -- FK index

CREATE TRIGGER update_agent_profiles_updated_at
    BEFORE UPDATE ON agent_profiles
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- import_logs — every data import, for audit and rollback
-- ---------------------------------------------------------------------------

CREATE TABLE import_logs (
    id                      UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- File information
    file_name               VARCHAR(255) NOT NULL,
    file_size_bytes         BIGINT CHECK (file_size_bytes >= 0),
    file_hash               VARCHAR(64), -- SHA-256 hex, for deduplication

    -- Import details
    import_type             import_type NOT NULL,
    imported_by             UUID NOT NULL REFERENCES users (id),

    -- Processing stats
    -- FIX: row counts cannot be negative.
    total_rows              INTEGER CHECK (total_rows >= 0),
    processed_rows          INTEGER CHECK (processed_rows >= 0),
    successful_rows         INTEGER CHECK (successful_rows >= 0),
    failed_rows             INTEGER CHECK (failed_rows >= 0),
    skipped_rows            INTEGER CHECK (skipped_rows >= 0), -- duplicates or unchanged

    -- Status and timing
    status                  import_status NOT NULL,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at            TIMESTAMPTZ,
    -- FIX: explicit rounding to whole seconds instead of an implicit numeric ->
    -- integer cast; immutable (see duration_minutes). NULL until completed.
    processing_time_seconds INTEGER GENERATED ALWAYS AS (
        (round(EXTRACT(EPOCH FROM (completed_at - started_at))))::integer
    ) STORED,

    -- Error handling
    error_summary           TEXT,
    error_details           JSONB, -- [{row: 5, error: "Invalid date format"}]

    -- Rollback capability
    rollback_available      BOOLEAN NOT NULL DEFAULT TRUE,
    rollback_executed_at    TIMESTAMPTZ,
    rollback_executed_by    UUID REFERENCES users (id),

    -- Storage
    file_storage_path       VARCHAR(500),

    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),

    -- FIX: an import cannot complete before it starts (negative processing time).
    CONSTRAINT import_logs_completed_after_start CHECK (completed_at >= started_at)
);

CREATE INDEX idx_imports_status ON import_logs (status, created_at DESC);
CREATE INDEX idx_imports_user ON import_logs (imported_by, created_at DESC);
CREATE INDEX idx_imports_rollback_by ON import_logs (rollback_executed_by); -- FK index
-- DECISION: a file already imported is refused (DESIGN 8), looked up by hash.
CREATE INDEX idx_imports_file_hash ON import_logs (file_hash);

CREATE TRIGGER update_import_logs_updated_at
    BEFORE UPDATE ON import_logs
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ---------------------------------------------------------------------------
-- team_performance_summary — pre-aggregated team metrics for dashboards
-- ---------------------------------------------------------------------------
-- FIX: the draft joined agents x metrics x plans x sessions in one FROM list, so
--   every metric row was repeated once per plan of its agent and once per session
--   of the leader: AVG weighted agents by their plan count (times the session
--   count). Each figure is now computed in its own LATERAL subquery.
-- FIX: sessions_last_week counted every session from 7 days ago on, including
--   future ones; now scheduled_date in [now() - 7 days, now()], not CANCELLED.
-- FIX: soft-deleted leaders and agents were included; now excluded.
--   DECISION: TERMINATED leaders and agents are excluded too (no longer on a team).
-- FIX: active_pips counted only ACTIVE; an EXTENDED plan is still a running PIP,
--   so ACTIVE and EXTENDED are counted.
-- FIX: the index was not unique, so REFRESH ... CONCURRENTLY was impossible.
-- Kept from the draft: metrics are yesterday's (CURRENT_DATE - 1) at refresh
-- time; averages are unrounded; NULL components/composites are ignored by AVG and
-- a team without metrics yesterday gets NULL averages. Refresh daily.
CREATE MATERIALIZED VIEW team_performance_summary AS
SELECT
    tl.id                          AS team_leader_id,
    tl.name                        AS team_leader_name,
    agents.agent_count             AS agent_count,
    pips.active_pips               AS active_pips,
    metrics.avg_team_score         AS avg_team_score,
    metrics.avg_service_score      AS avg_service_score,
    metrics.avg_quality_score      AS avg_quality_score,
    sessions.sessions_last_week    AS sessions_last_week,
    CURRENT_DATE                   AS calculated_date
FROM users tl
CROSS JOIN LATERAL (
    SELECT count(*) AS agent_count
    FROM users a
    WHERE a.team_leader_id = tl.id
      AND a.role = 'AGENT'
      AND a.deleted_at IS NULL
      AND a.status <> 'TERMINATED'
) agents
CROSS JOIN LATERAL (
    SELECT count(*) AS active_pips
    FROM users a
    JOIN action_plans ap ON ap.agent_id = a.id
    WHERE a.team_leader_id = tl.id
      AND a.role = 'AGENT'
      AND a.deleted_at IS NULL
      AND a.status <> 'TERMINATED'
      AND ap.status IN ('ACTIVE', 'EXTENDED')
) pips
CROSS JOIN LATERAL (
    -- one row per agent: (agent_id, metric_date) is unique
    SELECT avg(pm.composite_score) AS avg_team_score,
           avg(pm.service_score)   AS avg_service_score,
           avg(pm.quality_score)   AS avg_quality_score
    FROM users a
    JOIN performance_metrics pm ON pm.agent_id = a.id
    WHERE a.team_leader_id = tl.id
      AND a.role = 'AGENT'
      AND a.deleted_at IS NULL
      AND a.status <> 'TERMINATED'
      AND pm.metric_date = CURRENT_DATE - 1
) metrics
CROSS JOIN LATERAL (
    SELECT count(*) AS sessions_last_week
    FROM coaching_sessions cs
    WHERE cs.team_leader_id = tl.id
      AND cs.scheduled_date >= now() - INTERVAL '7 days'
      AND cs.scheduled_date <= now()
      AND cs.status <> 'CANCELLED'
) sessions
WHERE tl.role = 'TEAM_LEADER'
  AND tl.deleted_at IS NULL
  AND tl.status <> 'TERMINATED';

CREATE UNIQUE INDEX idx_team_summary_leader ON team_performance_summary (team_leader_id);

-- ---------------------------------------------------------------------------
-- Retention: performance_metrics older than 13 months move to the archive
-- ---------------------------------------------------------------------------

-- Same columns, defaults, CHECKs, generated composite_score and indexes (including
-- UNIQUE (agent_id, metric_date)) as performance_metrics.
CREATE TABLE performance_metrics_archive (
    LIKE performance_metrics INCLUDING ALL
);

-- FIX: LIKE does not copy foreign keys; the archive keeps the link to users.
ALTER TABLE performance_metrics_archive
    ADD CONSTRAINT performance_metrics_archive_agent_id_fkey
    FOREIGN KEY (agent_id) REFERENCES users (id);

CREATE TRIGGER update_performance_metrics_archive_updated_at
    BEFORE UPDATE ON performance_metrics_archive
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- FIX: the draft's INSERT ... SELECT * failed ("cannot insert a non-DEFAULT value
--   into column composite_score": LIKE INCLUDING ALL copies the generated column);
--   the column list now omits composite_score, which the archive recomputes with
--   the same formula, so it is unchanged.
-- FIX: INSERT then DELETE with two separate "13 months" reads could delete rows
--   written in between that were never archived; one statement now moves exactly
--   the rows it deletes (DELETE ... RETURNING feeding the INSERT).
-- DECISION: a row for the same (agent_id, metric_date) already in the archive (an
--   old day re-imported after it was archived) is overwritten with the live row
--   (id and created_at included), which is the newer data; DO NOTHING would
--   silently lose it. Its updated_at becomes now() (trigger).
-- FIX: returns the number of rows moved (was void) and takes the cutoff as a
--   parameter (default: 13 months before today) so it can be tested. Rows with
--   metric_date < p_cutoff move.
CREATE FUNCTION archive_old_metrics(
    p_cutoff DATE DEFAULT (CURRENT_DATE - INTERVAL '13 months')::date
)
RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
    moved_count bigint;
BEGIN
    WITH moved AS (
        DELETE FROM performance_metrics
        WHERE metric_date < p_cutoff
        RETURNING *
    )
    INSERT INTO performance_metrics_archive (
        id, agent_id, metric_date,
        service_score, productivity_score, quality_score, attendance_rate, adherence_score,
        csat, fcr, aht, calls_handled, calls_transferred, calls_escalated,
        scheduled_hours, actual_hours, break_time_minutes, lunch_time_minutes, aux_time_minutes,
        script_adherence, compliance_score, qa_score,
        imported_from, created_at, updated_at
    )
    SELECT
        id, agent_id, metric_date,
        service_score, productivity_score, quality_score, attendance_rate, adherence_score,
        csat, fcr, aht, calls_handled, calls_transferred, calls_escalated,
        scheduled_hours, actual_hours, break_time_minutes, lunch_time_minutes, aux_time_minutes,
        script_adherence, compliance_score, qa_score,
        imported_from, created_at, updated_at
    FROM moved
    ON CONFLICT (agent_id, metric_date) DO UPDATE SET
        id                 = EXCLUDED.id,
        service_score      = EXCLUDED.service_score,
        productivity_score = EXCLUDED.productivity_score,
        quality_score      = EXCLUDED.quality_score,
        attendance_rate    = EXCLUDED.attendance_rate,
        adherence_score    = EXCLUDED.adherence_score,
        csat               = EXCLUDED.csat,
        fcr                = EXCLUDED.fcr,
        aht                = EXCLUDED.aht,
        calls_handled      = EXCLUDED.calls_handled,
        calls_transferred  = EXCLUDED.calls_transferred,
        calls_escalated    = EXCLUDED.calls_escalated,
        scheduled_hours    = EXCLUDED.scheduled_hours,
        actual_hours       = EXCLUDED.actual_hours,
        break_time_minutes = EXCLUDED.break_time_minutes,
        lunch_time_minutes = EXCLUDED.lunch_time_minutes,
        aux_time_minutes   = EXCLUDED.aux_time_minutes,
        script_adherence   = EXCLUDED.script_adherence,
        compliance_score   = EXCLUDED.compliance_score,
        qa_score           = EXCLUDED.qa_score,
        imported_from      = EXCLUDED.imported_from,
        created_at         = EXCLUDED.created_at;

    -- INSERT ... ON CONFLICT DO UPDATE counts inserted plus updated rows, which is
    -- every deleted row.
    GET DIAGNOSTICS moved_count = ROW_COUNT;
    RETURN moved_count;
END;
$$;
