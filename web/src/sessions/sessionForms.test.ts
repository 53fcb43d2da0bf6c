import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { completionBody, emptyCompletion, hasErrors, newActionItem, serverCompletionErrors, validateCompletion } from './completeForm';
import { isStaleWrite, overlapConflicts, whoseCalendar } from './conflicts';
import { localToRfc3339, mondayOf, parseWeek, toRfc3339, weekDays } from './dates';
import { createBody, emptySchedule, serverFieldErrors, validateSchedule, validateWhen } from './scheduleForm';
import { byDay, hourRange, layDay } from './week';
import { makeSession } from './testing';

describe('session times', () => {
  it('writes a local date and time as RFC 3339 with the offset of that moment', () => {
    const rfc = localToRfc3339('2026-12-07', '09:30');
    expect(rfc).toMatch(/^2026-12-07T09:30:00[+-]\d{2}:\d{2}$/);
    // The same instant as the browser's own reading of that local time.
    expect(new Date(rfc!).getTime()).toBe(new Date(2026, 11, 7, 9, 30).getTime());
    expect(toRfc3339(new Date(2026, 5, 1, 0, 5))).toMatch(/^2026-06-01T00:05:00[+-]\d{2}:\d{2}$/);
    expect(localToRfc3339('2026-02-31', '09:00')).toBeNull();
    expect(localToRfc3339('2026-12-07', '25:00')).toBeNull();
  });

  it('finds the Monday of a week and its seven days', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2026-12-10')).toBe('2026-12-07');
    expect(parseWeek('2026-12-10')).toBe('2026-12-07');
    expect(parseWeek('nonsense')).toBeNull();
    expect(weekDays('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });
});

describe('calendar conflicts (409)', () => {
  const listed = {
    session_id: 'adfc078b-033f-420b-be06-b8c831b6fd26',
    agent_id: '5b7b0e7e-43c4-4d7c-9d8e-0c6f2b7b9a10',
    agent_name: 'Ximena Baptiste',
    scheduled_date: '2026-12-13T17:00:00Z',
    planned_minutes: 30,
    calendar: 'both' as const,
  };

  it('reads the sessions the server lists, and says whose calendar in words', () => {
    const overlap = new ApiError({
      status: 409,
      code: 'conflict',
      message: 'This time overlaps another session',
      details: [{ field: 'scheduled_date', message: 'overlaps the session with Ximena Baptiste' }],
      body: { error: { code: 'conflict', message: 'This time overlaps another session', details: [], conflicts: [listed] } },
    });
    expect(overlapConflicts(overlap)).toEqual([listed]);
    expect(whoseCalendar(listed)).toBe('both calendars');
    expect(whoseCalendar({ ...listed, calendar: 'team_leader' })).toBe("the team leader's calendar");
    expect(whoseCalendar({ ...listed, calendar: 'agent' })).toBe("the agent's calendar");
  });

  it('tells an overlap from a stale version', () => {
    const staleWrite = new ApiError({
      status: 409,
      code: 'conflict',
      message: 'changed',
      details: [{ field: 'If-Match', message: 'names an older version' }],
      body: { error: { code: 'conflict', message: 'changed', details: [], current: { version: 4 } } },
    });
    expect(overlapConflicts(staleWrite)).toBeNull();
    expect(isStaleWrite(staleWrite)).toBe(true);
  });
});

describe('the schedule form', () => {
  it('checks the agent, the date, the time and the length', () => {
    const draft = { ...emptySchedule(''), date: '', time: '9', minutes: '3' };
    expect(validateSchedule(draft)).toEqual({
      agent: 'is required: choose an agent',
      date: 'is required',
      time: 'must be a time (HH:MM)',
      minutes: 'must be a whole number of minutes from 5 to 480',
    });
    expect(validateWhen({ date: '2026-12-07', time: '09:00', minutes: '45' })).toEqual({});
  });

  it('sends the agent, the moment with its offset, the length, the type and the topics', () => {
    const draft = {
      agentId: 'a-1',
      date: '2026-12-07',
      time: '14:15',
      minutes: '45',
      type: 'FOLLOW_UP' as const,
      topics: 'Hold times\n\n Greeting ',
    };
    expect(createBody(draft)).toEqual({
      agent_id: 'a-1',
      scheduled_date: localToRfc3339('2026-12-07', '14:15'),
      planned_minutes: 45,
      session_type: 'FOLLOW_UP',
      topics_covered: ['Hold times', 'Greeting'],
    });
    expect(createBody(draft, true)?.allow_overlap).toBe(true);
  });

  it('puts the server field errors next to the fields', () => {
    const e = new ApiError({
      status: 422,
      code: 'validation_failed',
      message: 'The request has invalid fields.',
      details: [
        { field: 'agent_id', message: 'has left (TERMINATED)' },
        { field: 'planned_minutes', message: 'must be at most 480' },
      ],
    });
    expect(serverFieldErrors(e)).toEqual({ agent: 'has left (TERMINATED)', minutes: 'must be at most 480' });
  });
});

describe('the completion form', () => {
  it('requires the summary, the primary issue, the method, and a title and due date per action item', () => {
    const draft = { ...emptyCompletion(), items: [newActionItem()] };
    const errors = validateCompletion(draft);
    expect(errors.fields).toMatchObject({
      summary: expect.stringContaining('is required'),
      primaryIssue: 'is required',
      method: 'is required',
    });
    expect(errors.items[0]).toEqual({ title: 'is required', dueDate: 'is required' });
    expect(hasErrors(errors)).toBe(true);
  });

  it('sends the outcome, the effectiveness record and the action items', () => {
    const item = { ...newActionItem(), title: ' Review three calls ', dueDate: '2026-12-20', priority: 'HIGH' as const };
    const draft = {
      ...emptyCompletion(),
      summary: 'Good progress on hold times.',
      strengths: 'Calm tone',
      followUpTopics: 'Hold script',
      duration: '25',
      primaryIssue: 'AHT' as const,
      method: 'Role-play' as const,
      items: [item],
    };
    expect(hasErrors(validateCompletion(draft))).toBe(false);
    expect(completionBody(draft)).toEqual({
      summary: 'Good progress on hold times.',
      key_achievements: 'Calm tone',
      areas_of_concern: null,
      follow_up_topics: ['Hold script'],
      follow_up_required: true,
      primary_issue: 'AHT',
      intervention_method: 'Role-play',
      duration_minutes: 25,
      action_items: [{ title: 'Review three calls', due_date: '2026-12-20', priority: 'HIGH' }],
    });
  });

  it('maps the server errors of action items to their rows', () => {
    const e = new ApiError({
      status: 422,
      code: 'validation_failed',
      message: 'The request has invalid fields.',
      details: [
        { field: 'summary', message: 'must not be empty' },
        { field: 'action_items[1].due_date', message: 'must be a date (YYYY-MM-DD)' },
        { field: 'resources_shared', message: 'must be an array' },
      ],
    });
    expect(serverCompletionErrors(e)).toEqual({
      fields: { summary: 'must not be empty' },
      items: { 1: { dueDate: 'must be a date (YYYY-MM-DD)' } },
      other: ['resources_shared must be an array'],
    });
  });
});

describe('the week laid out', () => {
  it('groups by local day in time order and puts overlapping sessions side by side', () => {
    const at = (h: number, m = 0) => new Date(2026, 11, 7, h, m).toISOString();
    const a = makeSession({ id: 'a', scheduled_date: at(10), planned_minutes: 60 });
    const b = makeSession({ id: 'b', scheduled_date: at(9), planned_minutes: 30 });
    const c = makeSession({ id: 'c', scheduled_date: at(10, 30), planned_minutes: 30 });
    const d = makeSession({ id: 'd', scheduled_date: new Date(2026, 11, 9, 19, 0).toISOString(), planned_minutes: 90 });
    const days = weekDays('2026-12-07');
    const grouped = byDay([a, b, c, d], days);
    expect(grouped.get('2026-12-07')?.map((s) => s.id)).toEqual(['b', 'a', 'c']);
    expect(grouped.get('2026-12-09')?.map((s) => s.id)).toEqual(['d']);
    expect(grouped.get('2026-12-08')).toEqual([]);
    const day = layDay(grouped.get('2026-12-07') ?? []);
    expect(day.lanes).toBe(2);
    expect(day.placed.map((p) => [p.session.id, p.lane])).toEqual([
      ['b', 0],
      ['a', 0],
      ['c', 1],
    ]);
    expect(hourRange([a, b, c, d])).toEqual({ first: 8, last: 21 });
  });
});
