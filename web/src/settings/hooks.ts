import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import type { Settings, SettingsPatch } from '../api/types';
import { settingsKeys } from './queryKeys';
import { getSettings, updateSettings } from './settingsApi';

export function useSettings() {
  return useQuery<Settings, ApiError>({
    queryKey: settingsKeys.all,
    queryFn: ({ signal }) => getSettings(signal),
  });
}

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation<Settings, ApiError, SettingsPatch>({
    mutationFn: updateSettings,
    onSuccess: (settings) => {
      client.setQueryData(settingsKeys.all, settings);
      // Dates, "today" and the jobs' times follow the new zone: whatever is cached is stale.
      return client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== settingsKeys.all[0] });
    },
  });
}
