// Guards for values read from storage, messages, verdicts and the page, so
// that a malformed field reads as "not there" (false or null), shared by the
// extension's modules instead of a copy in each.

/**
 * A plain object (not null, not an array), whose fields callers then read freely.
 * @param {unknown} v
 * @returns {v is Record<string, any>}
 */
export const isPlain = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A non-empty string, else null. */
export const str = (v) => (typeof v === 'string' && v !== '' ? v : null);
/** A finite number, else null. */
export const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** Runs of white space as one space, trimmed ('' for a missing text). */
export const squash = (s) => (s || '').replace(/\s+/g, ' ').trim();
