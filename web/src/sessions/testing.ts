// Test fixtures of coaching sessions and notifications (component and unit tests).
import type { AppNotification, CoachingSession, SessionPrep } from '../api/types';
import { jsonResponse } from '../test/fakeApi';

export function makeSession(overrides: Partial<CoachingSession> = {}): CoachingSession {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    agent_id: 'id-sam.patel',
    agent_name: 'Sam Patel',
    team_leader_id: 'id-jordan.reyes',
    team_leader_name: 'Jordan Reyes',
    created_by: 'id-jordan.reyes',
    scheduled_date: '2026-12-07T09:00:00Z',
    planned_minutes: 30,
    actual_start_time: null,
    actual_end_time: null,
    duration_minutes: null,
    session_type: 'REGULAR',
    status: 'SCHEDULED',
    prep_data: null,
    topics_covered: null,
    discussion_notes: null,
    agent_commitments: null,
    resources_shared: null,
    engagement_score: null,
    receptiveness_score: null,
    understanding_score: null,
    overall_effectiveness: null,
    summary: null,
    key_achievements: null,
    areas_of_concern: null,
    follow_up_required: false,
    follow_up_date: null,
    follow_up_topics: null,
    cancelled_reason: null,
    no_show_reason: null,
    primary_issue: null,
    intervention_method: null,
    schedule_history: [],
    acknowledgement_requested_at: null,
    acknowledgement: null,
    acknowledgement_comment: null,
    acknowledged_at: null,
    action_items: [],
    linked_note_ids: [],
    version: 1,
    created_at: '2026-12-01T08:00:00Z',
    updated_at: '2026-12-01T08:00:00Z',
    ...overrides,
  };
}

/** The session as GET/PATCH answer it: the body and its ETag. */
export function sessionResponse(session: CoachingSession, status = 200) {
  return jsonResponse(status, session, { ETag: `"${session.version}"` });
}

/** A stale write's 409: error.current and the current ETag. */
export function staleResponse(current: CoachingSession, sent: number) {
  return jsonResponse(
    409,
    {
      error: {
        code: 'conflict',
        message: `This was changed since you read it (your version ${sent}, now ${current.version}); nothing was saved. Reload it and apply your change again.`,
        details: [{ field: 'If-Match', message: 'names an older version' }],
        current,
      },
    },
    { ETag: `"${current.version}"` },
  );
}

export function makeNotification(overrides: Partial<AppNotification> = {}): AppNotification {
  return {
    id: 'n-1',
    kind: 'session_completed',
    subject: "Your coaching session's summary is ready: read it and acknowledge it.",
    link: '/sessions/11111111-1111-4111-8111-111111111111',
    read_at: null,
    created_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...overrides,
  };
}

/** A prep as POST /prep builds it: one area behind, methods with evidence, a note, an item. */
export function makePrep(overrides: Partial<SessionPrep> = {}): SessionPrep {
  return {
    generated_at: '2026-12-06T08:15:00Z',
    metrics_snapshot: [
      { metric: 'quality_score', agent: 76.04, previous: 84.2, team: 84.0 },
      { metric: 'compliance_score', agent: 97.5, previous: 98.1, team: null },
      { metric: 'aht', agent: 352.4, previous: 340, team: 331.6 },
    ],
    weakest_areas: [
      {
        metric: 'quality_score',
        label: 'Quality',
        value: 76.04,
        team: 84.0,
        change: -9.7,
        reason: 'quality fell 8.2 points in 30 days; team average 84.0',
      },
    ],
    strongest_areas: [],
    unaddressed_notes: [
      {
        id: 'note-1',
        note_type: 'URGENT',
        priority: 'HIGH',
        content: 'Rushed a verification on a card change',
        created_at: '2026-12-03T14:00:00Z',
        overdue: true,
      },
    ],
    action_items: [
      { id: 'item-1', title: 'Shadow a senior', due_date: '2026-12-02', status: 'OVERDUE', priority: 'HIGH' },
    ],
    last_session: null,
    profile_hints: null,
    agenda: [
      { title: 'Check in', reason: 'How the agent is doing', minutes: 3 },
      { title: 'Work on quality', reason: 'quality fell 8.2 points in 30 days; team average 84.0', minutes: 13 },
      { title: 'Talk through the open notes', reason: '1 open note', minutes: 7 },
      { title: 'Agree actions', reason: 'What the agent will do next', minutes: 7 },
    ],
    suggested_methods: [
      {
        issue: 'Quality',
        evidence: 'Shadowing worked best for Quality: +6.0 % on average over 2 sessions.',
        methods: [{ method: 'Shadowing', sessions: 2, average_improvement: 6 }],
      },
    ],
    ...overrides,
  };
}
