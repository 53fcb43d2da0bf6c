// The actions and entity types the server writes to the audit log today (the filters suggest
// them; any other name can still be typed).

export const KNOWN_ACTIONS: ReadonlyArray<{ action: string; label: string }> = [
  { action: 'user.create', label: 'Person added' },
  { action: 'user.update', label: 'Person changed' },
  { action: 'user.delete', label: 'Person deleted' },
  { action: 'auth.login', label: 'Signed in' },
  { action: 'auth.logout', label: 'Signed out' },
  { action: 'auth.logout_all', label: 'Signed out everywhere' },
  { action: 'auth.password_change', label: 'Password changed' },
  { action: 'auth.password_reset_requested', label: 'Password reset requested' },
  { action: 'auth.password_reset', label: 'Password reset' },
  { action: 'settings.update', label: 'Settings changed' },
  { action: 'import.create', label: 'Import run' },
  { action: 'import.rollback', label: 'Import rolled back' },
  { action: 'job.run', label: 'Job run' },
  { action: 'metrics.upsert', label: 'Metrics saved' },
  { action: 'metrics.delete', label: 'Metrics deleted' },
];

export const KNOWN_ENTITY_TYPES: ReadonlyArray<{ type: string; label: string }> = [
  { type: 'users', label: 'People' },
  { type: 'settings', label: 'Settings' },
  { type: 'import_logs', label: 'Imports' },
  { type: 'job_runs', label: 'Job runs' },
  { type: 'performance_metrics', label: 'Performance metrics' },
];

/** An action in words ("Person changed"), or its code when this build does not know it. */
export function actionLabel(action: string): string {
  return KNOWN_ACTIONS.find((a) => a.action === action)?.label ?? action;
}

export function entityTypeLabel(type: string): string {
  return KNOWN_ENTITY_TYPES.find((t) => t.type === type)?.label ?? type;
}
