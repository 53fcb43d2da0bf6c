import type { ImportErrorRow } from '../api/types';

/**
 * The errors in which every word of `text` is found (case-insensitive) in the column, the value
 * or the message; a word that is a number also finds its row ("12": the errors of row 12).
 */
export function filterErrors(errors: readonly ImportErrorRow[], text: string): ImportErrorRow[] {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...errors];
  return errors.filter((e) => {
    const haystack = [e.column ?? '', e.value, e.error].join('\n').toLowerCase();
    const row = e.row === null ? '' : String(e.row);
    return words.every((w) => haystack.includes(w) || (/^\d+$/.test(w) && row === w));
  });
}
