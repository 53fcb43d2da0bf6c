/** TanStack Query keys of the organisation's settings. */
export const settingsKeys = {
  all: ['settings'] as const,
};
