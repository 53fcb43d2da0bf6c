// Coaching-session values in words. Every list is a Record over the generated type
// (src/api/schema.d.ts), so a value the server adds fails the type check here.
import type {
  ActionItemDraft,
  CoachingSession,
  CoachingSessionCompletion,
  SessionStatus,
  SessionType,
} from '../api/types';
import { humanizeEnum } from '../format/labels';

export type PrimaryIssue = CoachingSessionCompletion['primary_issue'];
export type InterventionMethod = CoachingSessionCompletion['intervention_method'];
export type Priority = NonNullable<ActionItemDraft['priority']>;
export type ActionItemStatus = CoachingSession['action_items'][number]['status'];

const STATUS_LABELS: Record<SessionStatus, string> = {
  SCHEDULED: 'Scheduled',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'No-show',
};

const TYPE_LABELS: Record<SessionType, string> = {
  REGULAR: 'Regular',
  FOLLOW_UP: 'Follow-up',
  PIP_CHECK: 'PIP check-in',
  URGENT: 'Urgent',
};

const PRIMARY_ISSUE_LABELS: Record<PrimaryIssue, string> = {
  Service: 'Service',
  AHT: 'Average handle time (AHT)',
  Quality: 'Quality',
  Attendance: 'Attendance',
  Adherence: 'Adherence',
  Compliance: 'Compliance',
  Productivity: 'Productivity',
  CSAT: 'Customer satisfaction (CSAT)',
  FCR: 'First-call resolution (FCR)',
};

const METHOD_LABELS: Record<InterventionMethod, string> = {
  'Role-play': 'Role-play',
  Shadowing: 'Shadowing',
  'Side-by-side': 'Side-by-side',
  Training: 'Training',
  'Call review': 'Call review',
  Feedback: 'Feedback',
};

const PRIORITY_LABELS: Record<Priority, string> = {
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
};

const ACTION_STATUS_LABELS: Record<ActionItemStatus, string> = {
  PENDING: 'Pending',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  OVERDUE: 'Overdue',
  CANCELLED: 'Cancelled',
};

function label<K extends string>(labels: Record<K, string>, value: string): string {
  return Object.hasOwn(labels, value) ? labels[value as K] : humanizeEnum(value);
}

export const SESSION_STATUSES = Object.keys(STATUS_LABELS) as SessionStatus[];
export const SESSION_TYPES = Object.keys(TYPE_LABELS) as SessionType[];
export const PRIMARY_ISSUES = Object.keys(PRIMARY_ISSUE_LABELS) as PrimaryIssue[];
export const INTERVENTION_METHODS = Object.keys(METHOD_LABELS) as InterventionMethod[];
export const PRIORITIES = Object.keys(PRIORITY_LABELS) as Priority[];

export const sessionStatusLabel = (status: string) => label(STATUS_LABELS, status);
export const sessionTypeLabel = (type: string) => label(TYPE_LABELS, type);
export const primaryIssueLabel = (issue: string) => label(PRIMARY_ISSUE_LABELS, issue);
export const methodLabel = (method: string) => label(METHOD_LABELS, method);
export const priorityLabel = (priority: string) => label(PRIORITY_LABELS, priority);
export const actionStatusLabel = (status: string) => label(ACTION_STATUS_LABELS, status);

export function isSessionStatus(value: string | null): value is SessionStatus {
  return value !== null && Object.hasOwn(STATUS_LABELS, value);
}

export function isSessionType(value: string | null): value is SessionType {
  return value !== null && Object.hasOwn(TYPE_LABELS, value);
}
