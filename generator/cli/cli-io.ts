/** Where a command's output goes: `out` for results, `err` for diagnostics and progress. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Whether `err` is a terminal, so that a progress bar may redraw in place. */
  isTty?: boolean;
  /** Redraws one status line in place on a terminal; absent elsewhere. */
  status?(line: string): void;
}

// A reader that stops early (`topgen mock | head -1`) closes the pipe; that ends the command
// quietly, as it does for other command-line tools, instead of with an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
}

/** The process's own stdout and stderr. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  isTty: process.stderr.isTTY === true,
  status: (line) => process.stderr.write(`\r\u001b[2K${line}`),
};

/** A progress reporter for long runs: a bar on a terminal, nothing otherwise. */
export function progressBar(io: CliIo, label: string): (done: number, total: number) => void {
  if (io.isTty !== true || io.status === undefined) return () => {};
  const status = io.status.bind(io);
  let last = -1;
  return (done, total) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (percent === last && done !== total) return;
    last = percent;
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    status(`${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
    if (done === total) status("");
  };
}
