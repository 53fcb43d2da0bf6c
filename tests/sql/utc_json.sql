-- utc_json (migration 0026): timestamps in JSON are RFC 3339 at UTC with "Z", whatever the
-- session's time zone; the fraction as to_json writes it (none when zero, trailing zeros
-- dropped). JSON stored before 0026 with an offset (a session's schedule_history, its
-- prep_data) is written at UTC on read. The session runs in Kiritimati (UTC+14), where
-- to_json would write "+14:00".
SET TIME ZONE 'Pacific/Kiritimati';

SELECT pg_temp.assert_eq(utc_json('2026-12-01 04:31:00+14'), '2026-11-30T14:31:00Z',
                         'an offset becomes UTC');
SELECT pg_temp.assert_eq(utc_json('2026-01-01 00:00:00.5+00'), '2026-01-01T00:00:00.5Z',
                         'a fraction');
SELECT pg_temp.assert_eq(utc_json('2026-01-01 00:00:00.120+00'), '2026-01-01T00:00:00.12Z',
                         'trailing zeros dropped');
SELECT pg_temp.assert_eq(utc_json('2026-01-01 23:59:59.999999-11'),
                         '2026-01-02T10:59:59.999999Z', 'microseconds, across midnight');
SELECT pg_temp.assert_eq(utc_json(NULL), NULL, 'NULL');
SET DateStyle = 'SQL, DMY';  -- to_json writes ISO whatever DateStyle is
SELECT pg_temp.assert_eq(utc_json('2026-03-29 01:30:00+00'), '2026-03-29T01:30:00Z',
                         'any DateStyle');
RESET DateStyle;

-- Inlined: the plan holds its expression, not a call.
DO $$
DECLARE
    line text;
    plan text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (VERBOSE) SELECT utc_json(now())' LOOP
        plan := plan || line;
    END LOOP;
    IF plan LIKE '%utc_json%' THEN
        RAISE EXCEPTION 'utc_json is not inlined: %', plan;
    END IF;
END;
$$;

INSERT INTO users (id, email, password_hash, name, role, team_leader_id, created_at) VALUES
    ('00000000-0000-0000-0000-0000000000a1', 'tl@example.com', 'x', 'Leader', 'TEAM_LEADER',
     NULL, '2024-05-01 00:30:00+14'),
    ('00000000-0000-0000-0000-0000000000b1', 'ag@example.com', 'x', 'Agent', 'AGENT',
     '00000000-0000-0000-0000-0000000000a1', '2024-05-01 00:30:00+14');
SELECT pg_temp.assert_eq((SELECT user_json(u) ->> 'created_at' FROM users u
                           WHERE u.id = '00000000-0000-0000-0000-0000000000a1'),
                         '2024-04-30T10:30:00Z', 'user_json');
SELECT pg_temp.assert_eq((SELECT user_json(u) ->> 'deleted_at' FROM users u
                           WHERE u.id = '00000000-0000-0000-0000-0000000000a1'),
                         NULL, 'user_json: NULL stays null');

-- A session whose schedule_history and prep_data were written before 0026, with offsets.
INSERT INTO coaching_sessions (id, agent_id, team_leader_id, scheduled_date, schedule_history,
                               prep_data)
VALUES ('00000000-0000-0000-0000-000000001001', '00000000-0000-0000-0000-0000000000b1',
        '00000000-0000-0000-0000-0000000000a1', '2024-05-02 09:00:00+00',
        '[{"scheduled_date": "2024-05-02T10:00:00+14:00", "planned_minutes": 30,
           "changed_at": "2024-05-01T12:00:00.25+14:00",
           "changed_by": "00000000-0000-0000-0000-0000000000a1"},
          {"scheduled_date": "2024-05-01T22:00:00+00:00", "planned_minutes": 45,
           "changed_at": "2024-05-01T23:00:00+00:00", "changed_by": null}]',
        '{"generated_at": "2024-05-01T10:00:00Z",
          "unaddressed_notes": [{"id": "n1", "created_at": "2024-05-01T08:00:00+14:00"},
                                {"id": "n2", "created_at": "2024-04-30T08:00:00-11:00"}],
          "last_session": {"id": "s0", "date": "2024-04-20T09:45:00+14:00", "summary": null},
          "agenda": []}');
SELECT pg_temp.assert_eq(
    (SELECT coaching_session_json(cs)::jsonb -> 'schedule_history' FROM coaching_sessions cs),
    '[{"scheduled_date": "2024-05-01T20:00:00Z", "planned_minutes": 30,
       "changed_at": "2024-04-30T22:00:00.25Z",
       "changed_by": "00000000-0000-0000-0000-0000000000a1"},
      {"scheduled_date": "2024-05-01T22:00:00Z", "planned_minutes": 45,
       "changed_at": "2024-05-01T23:00:00Z", "changed_by": null}]'::jsonb,
    'schedule_history at UTC, in its order');
SELECT pg_temp.assert_eq(
    (SELECT coaching_session_json(cs)::jsonb -> 'prep_data' FROM coaching_sessions cs),
    '{"generated_at": "2024-05-01T10:00:00Z",
      "unaddressed_notes": [{"id": "n1", "created_at": "2024-04-30T18:00:00Z"},
                            {"id": "n2", "created_at": "2024-04-30T19:00:00Z"}],
      "last_session": {"id": "s0", "date": "2024-04-19T19:45:00Z", "summary": null},
      "agenda": []}'::jsonb,
    'prep_data at UTC');
SELECT pg_temp.assert_eq(
    (SELECT coaching_session_json(cs)::jsonb ->> 'scheduled_date' FROM coaching_sessions cs),
    '2024-05-02T09:00:00Z', 'scheduled_date');
-- The stored rows are as they were (not rewritten: their version stays).
SELECT pg_temp.assert_eq((SELECT schedule_history -> 0 ->> 'scheduled_date'
                            FROM coaching_sessions),
                         '2024-05-02T10:00:00+14:00', 'stored history untouched');

-- Nothing to render: empty history, no prep, a prep without notes or last session, a last
-- session never ended (date null).
SELECT pg_temp.assert_eq(utc_schedule_history('[]'), '[]'::jsonb, 'empty history');
SELECT pg_temp.assert_eq(utc_prep_data(NULL), NULL, 'no prep');
SELECT pg_temp.assert_eq(utc_prep_data('{"agenda": [1]}'), '{"agenda": [1]}'::jsonb,
                         'a prep without notes or last session');
SELECT pg_temp.assert_eq(utc_prep_data('{"unaddressed_notes": [], "last_session": null}'),
                         '{"unaddressed_notes": [], "last_session": null}'::jsonb,
                         'no notes, no last session');
SELECT pg_temp.assert_eq(utc_prep_data('{"last_session": {"id": "s", "date": null}}'),
                         '{"last_session": {"id": "s", "date": null}}'::jsonb,
                         'a last session without an end');

-- team_cards: last_coaching_at as utc_json's text; the days since, in the session's zone.
INSERT INTO agent_coaching_facts (agent_id, last_coaching_at, unaddressed_high_notes,
                                  overdue_action_items, open_due_dates, active_pip, computed_on)
VALUES ('00000000-0000-0000-0000-0000000000b1', now() - interval '3 days', 0, 0, '{}', false,
        CURRENT_DATE)
    ON CONFLICT (agent_id) DO UPDATE SET last_coaching_at = EXCLUDED.last_coaching_at;
SELECT pg_temp.assert_eq(
    (SELECT (c.last_coaching_at = utc_json(now() - interval '3 days'),
             c.last_coaching_at LIKE '%Z', c.days_since_last_coaching)::text
       FROM team_cards('00000000-0000-0000-0000-0000000000a1') c),
    '(t,t,3)', 'team_cards');
