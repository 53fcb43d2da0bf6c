import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import { logout } from './authApi';
import { markSignedOut } from './session';

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: logout,
    onSuccess: () => markSignedOut(queryClient),
    onError: (error) => {
      // The session had already ended on the server: the user is signed out either way.
      if (error.status === 401) markSignedOut(queryClient);
    },
  });
}
