import { useCallback, useEffect, useState } from 'react';

interface Countdown {
  until: number;
  now: number;
}

/**
 * A countdown in whole seconds, ticking once a second; 0 when none runs or it is over.
 * `start(seconds)` (from an event handler) begins a new one from the current time.
 */
export function useCountdown(): [secondsLeft: number, start: (seconds: number) => void] {
  const [countdown, setCountdown] = useState<Countdown | null>(null);
  const until = countdown?.until ?? null;
  useEffect(() => {
    if (until === null) return;
    const id = window.setInterval(() => {
      const t = Date.now();
      setCountdown((c) => (c === null ? c : { ...c, now: t }));
      if (t >= until) window.clearInterval(id);
    }, 1000);
    return () => window.clearInterval(id);
  }, [until]);
  const start = useCallback((seconds: number) => {
    const now = Date.now();
    setCountdown({ until: now + seconds * 1000, now });
  }, []);
  const secondsLeft =
    countdown === null ? 0 : Math.max(0, Math.ceil((countdown.until - countdown.now) / 1000));
  return [secondsLeft, start];
}
