import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import type { LoginResponse } from '../api/types';
import { login, type Credentials } from './authApi';
import { HANDLES_UNAUTHORIZED } from './queryClient';
import { markSignedIn } from './session';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<LoginResponse, ApiError, Credentials>({
    mutationFn: login,
    meta: HANDLES_UNAUTHORIZED, // a 401 here is a wrong email or password
    onSuccess: (data) => markSignedIn(queryClient, data.user, data.csrf_token),
  });
}
