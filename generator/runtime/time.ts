const GMT8_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * `yyyy-MM-dd HH:mm:ss` in GMT+8 (Asia/Shanghai has had no daylight saving since 1991), the
 * gateway's form for timestamps and Date values, whatever the host's time zone.
 */
export function formatGmt8(date: Date): string {
  const d = new Date(date.getTime() + GMT8_OFFSET_MS);
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** Reads `yyyy-MM-dd HH:mm:ss` as a GMT+8 time; undefined when the text is not of that form. */
export function parseGmt8(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, ...number[]];
  const utc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  return new Date(utc - GMT8_OFFSET_MS);
}
