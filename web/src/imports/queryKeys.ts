export const importKeys = {
  all: ['imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  detail: (id: string) => [...importKeys.all, 'detail', id] as const,
  /** The running imports polled while upload number `upload` is processed on the server. */
  running: (upload: number) => [...importKeys.all, 'running', upload] as const,
};
