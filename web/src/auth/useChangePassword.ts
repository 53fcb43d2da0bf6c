import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import { changePassword, type PasswordChange } from './authApi';

export function useChangePassword() {
  return useMutation<void, ApiError, PasswordChange>({ mutationFn: changePassword });
}
