import type { ImportStatus, ImportType } from '../api/types';
import { humanizeEnum } from '../format/labels';

export interface ImportTypeInfo {
  type: ImportType;
  label: string;
  /** One line on what the file holds. */
  description: string;
}

export const IMPORT_TYPES: readonly ImportTypeInfo[] = [
  {
    type: 'METRICS',
    label: 'Metrics',
    description: 'Daily performance metrics per agent and date (service, quality, CSAT, AHT…).',
  },
  {
    type: 'USERS',
    label: 'Users',
    description: 'User accounts to create or update: name, email, role, team leader, department.',
  },
  {
    type: 'COACHING_HISTORY',
    label: 'Coaching history',
    description: 'Past coaching sessions with their focus areas, notes and action items.',
  },
  {
    type: 'PROFILES',
    label: 'Profiles',
    description: 'Agent profiles: learning style, motivators, strengths and development goals.',
  },
];

export function importTypeLabel(type: string): string {
  return IMPORT_TYPES.find((t) => t.type === type)?.label ?? humanizeEnum(type);
}

const STATUS_LABELS: Record<ImportStatus, string> = {
  VALIDATING: 'Validating',
  PROCESSING: 'Processing',
  SUCCESS: 'Succeeded',
  PARTIAL_SUCCESS: 'Partly succeeded',
  FAILED: 'Failed',
  ROLLED_BACK: 'Rolled back',
};

export function importStatusLabel(status: string): string {
  return Object.hasOwn(STATUS_LABELS, status)
    ? STATUS_LABELS[status as ImportStatus]
    : humanizeEnum(status);
}

/** Whether the import has ended (nothing more will change unless it is rolled back). */
export function isFinalStatus(status: ImportStatus): boolean {
  return status !== 'VALIDATING' && status !== 'PROCESSING';
}

export function modeLabel(mode: 'strict' | 'partial'): string {
  return mode === 'strict' ? 'Strict (any error loads nothing)' : 'Partial (valid rows load)';
}
