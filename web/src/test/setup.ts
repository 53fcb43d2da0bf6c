// Vitest setup: what jsdom lacks and the browser has.
import { configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// What the app keeps on the device for offline use (src/auth/deviceCopy.ts) does not carry
// over from one test to the next.
afterEach(() => {
  localStorage.clear();
});

// CSS.escape (React Aria's overlays use it); the CSSOM spec's algorithm.
if (typeof globalThis.CSS === 'undefined' || typeof globalThis.CSS.escape !== 'function') {
  const escape = (value: string): string => {
    const s = String(value);
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      const ch = s.charAt(i);
      if (code === 0) out += '\uFFFD';
      else if (
        (code >= 0x1 && code <= 0x1f) ||
        code === 0x7f ||
        (i === 0 && code >= 0x30 && code <= 0x39) ||
        (i === 1 && code >= 0x30 && code <= 0x39 && s.charCodeAt(0) === 0x2d)
      )
        out += `\\${code.toString(16)} `;
      else if (i === 0 && s.length === 1 && code === 0x2d) out += `\\${ch}`;
      else if (code >= 0x80 || code === 0x2d || code === 0x5f || /[0-9A-Za-z]/.test(ch)) out += ch;
      else out += `\\${ch}`;
    }
    return out;
  };
  Object.defineProperty(globalThis, 'CSS', { value: { escape }, configurable: true });
}

// The first render of a lazy route compiles its chunk on demand: on a busy two-core machine
// that can take more than Testing Library's default second, and 4 – 5 s of a file's first test
// when other work shares the cores. A wait only lasts this long when it is failing.
configure({ asyncUtilTimeout: 15_000 });
