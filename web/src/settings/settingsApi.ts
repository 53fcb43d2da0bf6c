import { api, ok } from '../api/client';
import type { Settings, SettingsPatch } from '../api/types';

export function getSettings(signal?: AbortSignal): Promise<Settings> {
  return ok(api.GET('/api/v1/settings', { signal }));
}

export function updateSettings(body: SettingsPatch): Promise<Settings> {
  return ok(api.PATCH('/api/v1/settings', { body }));
}
