import { describe, expect, it, vi } from 'vitest';
import { REGISTER_DELAY_MS, registerServiceWorker, SERVICE_WORKER_URL } from './register';

function env(readyState: DocumentReadyState, withWorkers = true) {
  const register = vi.fn(() => Promise.resolve({} as ServiceWorkerRegistration));
  const listeners: Record<string, () => void> = {};
  const addEventListener = vi.fn((type: string, listener: () => void) => {
    listeners[type] = listener;
  });
  const delays: number[] = [];
  const later = vi.fn((run: () => void, ms: number) => {
    delays.push(ms);
    run();
  });
  return {
    register,
    listeners,
    delays,
    env: {
      navigator: withWorkers ? { serviceWorker: { register } as unknown as ServiceWorkerContainer } : {},
      document: { readyState },
      window: { addEventListener } as unknown as Window,
      later,
    },
  };
}

describe('registerServiceWorker', () => {
  it('waits for the load event and a few seconds, then registers /sw.js at the root, never from the HTTP cache', () => {
    const e = env('interactive');
    registerServiceWorker(e.env);
    expect(e.register).not.toHaveBeenCalled();
    e.listeners.load?.();
    expect(e.delays).toEqual([REGISTER_DELAY_MS]);
    expect(REGISTER_DELAY_MS).toBeGreaterThanOrEqual(1000);
    expect(e.register).toHaveBeenCalledWith(SERVICE_WORKER_URL, { scope: '/', updateViaCache: 'none' });
    expect(SERVICE_WORKER_URL).toBe('/sw.js');
  });

  it('registers after the delay alone when the page has loaded already', () => {
    const e = env('complete');
    registerServiceWorker(e.env);
    expect(e.delays).toEqual([REGISTER_DELAY_MS]);
    expect(e.register).toHaveBeenCalledTimes(1);
  });

  it('does nothing where the browser has no service workers', () => {
    const e = env('complete', false);
    expect(() => registerServiceWorker(e.env)).not.toThrow();
    expect(e.register).not.toHaveBeenCalled();
  });

  it('swallows a failed registration: the app works online without it', async () => {
    const e = env('complete');
    e.register.mockImplementation(() => Promise.reject(new Error('SecurityError')));
    registerServiceWorker(e.env);
    await Promise.resolve();
    expect(e.register).toHaveBeenCalledTimes(1);
  });
});
