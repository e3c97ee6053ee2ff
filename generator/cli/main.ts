import { processIo, type CliIo } from "./cli-io.js";

export const USAGE = `Usage: topgen <command> [options]

Commands:
  scrape <input>...   read documentation pages (.txt, .html, .json, URLs) into YAML specs
  generate            regenerate the TypeScript package from the specs
  openapi             export the specs as one OpenAPI 3.1 document
  mock                run the gateway simulator on loopback

Run topgen <command> --help for a command's options.`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

/** Commands load lazily: `topgen generate` never pays for cheerio, nor `scrape` for ts-morph. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  scrape: async () => (await import("./scrape-command.js")).runScrape,
  generate: async () => (await import("./generate-command.js")).runGenerate,
  openapi: async () => (await import("./openapi-command.js")).runOpenapi,
  mock: async () => (await import("./mock-command.js")).runMock,
};

/** Runs one command line; resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    io.err(`topgen: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (cause) {
    // Wrong flags (node:util parseArgs) and unexpected failures end here, named.
    io.err(`topgen ${name}: ${(cause as Error).message}`);
    return 2;
  }
}

if (
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"))
) {
  process.exitCode = await main(process.argv.slice(2));
}
