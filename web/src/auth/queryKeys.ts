export const meKey = ['auth', 'me'] as const;
