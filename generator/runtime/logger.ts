/**
 * The client's logger: off unless the app passes one (`console` fits). Secrets never reach it in
 * full: `session`, `sign` and anything named like a secret or token are cut to their ends.
 */
export interface TopLogger {
  debug?(message: string, data?: Record<string, unknown>): void;
  warn?(message: string, data?: Record<string, unknown>): void;
}

const SECRET = /secret|session|token|^sign$/i;

/** `abcdef…uvwxyz` → `abc…xyz`; short values become `***`. */
export function redact(value: string): string {
  return value.length <= 8 ? "***" : `${value.slice(0, 3)}…${value.slice(-3)}`;
}

/** A copy of `params` with secret-like values redacted, fit for a log line. */
export function redactParams(params: Readonly<Record<string, string>>): Record<string, string> {
  const out = { ...params };
  for (const key in out) if (SECRET.test(key)) out[key] = redact(out[key] as string);
  return out;
}
