import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchMe, isMeFromDevice } from './authApi';
import { meKey } from './queryKeys';

/** null = signed out; undefined while the first check is in flight. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60 * 1000,
    // Asked even when the browser says it is offline: fetchMe then answers from the device's
    // copy (the quick note page opens offline), or fails and Root says the server is out of
    // reach, instead of waiting for the network with a spinner.
    networkMode: 'always',
  });
}

/**
 * When the network returns and the user shown is the device's copy, asks the server who is
 * signed in (a session that ended meanwhile then leads to sign-in). Root calls it once.
 */
export function useRecheckMeWhenOnline(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onOnline = () => {
      if (isMeFromDevice()) void queryClient.invalidateQueries({ queryKey: meKey });
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [queryClient]);
}
