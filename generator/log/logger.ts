/**
 * The generator's one logger. Quiet by default: `TOPGEN_LOG=debug|info|warn|error|off` or
 * `setLogLevel` turns it up. It writes to stderr so that stdout stays for command output.
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

function initialLevel(): LogLevel {
  const fromEnv = process.env["TOPGEN_LOG"];
  return fromEnv !== undefined && fromEnv in RANK ? (fromEnv as LogLevel) : "warn";
}

let level: LogLevel = initialLevel();
let sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

export function setLogLevel(next: LogLevel): void {
  level = next;
}

/** Replaces where lines go; tests use it to capture output. Returns the previous sink. */
export function setLogSink(next: (line: string) => void): (line: string) => void {
  const previous = sink;
  sink = next;
  return previous;
}

function emit(at: LogLevel, message: string): void {
  if (RANK[at] >= RANK[level]) sink(message);
}

export const log = {
  debug: (message: string): void => emit("debug", message),
  info: (message: string): void => emit("info", message),
  warn: (message: string): void => emit("warn", message),
  error: (message: string): void => emit("error", message),
};
