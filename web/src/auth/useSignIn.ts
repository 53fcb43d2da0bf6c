import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import type { LoginResponse } from '../api/types';
import { login, type Credentials } from './authApi';
import { markSignedIn } from './session';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<LoginResponse, ApiError, Credentials>({
    mutationFn: login,
    onSuccess: (data) => markSignedIn(queryClient, data.user, data.csrf_token),
  });
}
