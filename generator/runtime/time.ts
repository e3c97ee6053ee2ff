const GMT8_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * `yyyy-MM-dd HH:mm:ss` in GMT+8 (Asia/Shanghai has had no daylight saving since 1991), the
 * gateway's form for timestamps and Date values, whatever the host's time zone.
 */
export function formatGmt8(date: Date): string {
  // The ISO form of the GMT+8 wall clock, `2024-01-02T03:04:05.678Z`, cut to the gateway's.
  return new Date(date.getTime() + GMT8_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** Reads `yyyy-MM-dd HH:mm:ss` as a GMT+8 time; undefined when the text is not of that form. */
export function parseGmt8(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, ...number[]];
  const utc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  return new Date(utc - GMT8_OFFSET_MS);
}
