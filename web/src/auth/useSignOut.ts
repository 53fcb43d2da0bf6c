import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import { logout, logoutEverywhere } from './authApi';
import { HANDLES_UNAUTHORIZED } from './queryClient';
import { markSignedOut } from './session';

function useSignOutWith(end: () => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: end,
    meta: HANDLES_UNAUTHORIZED,
    onSuccess: () => markSignedOut(queryClient, { byUser: true }),
    onError: (error) => {
      // The session had already ended on the server: the user is signed out either way.
      if (error.status === 401) markSignedOut(queryClient, { byUser: true });
    },
  });
}

/** Signs this session out (POST /auth/logout). */
export function useSignOut() {
  return useSignOutWith(logout);
}

/** Signs out every session of the user, on every device (POST /auth/logout-all). */
export function useSignOutEverywhere() {
  return useSignOutWith(logoutEverywhere);
}
