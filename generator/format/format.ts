import * as oxc from "@prettier/plugin-oxc";
import { format, type Options } from "prettier";

/**
 * Every emitted TypeScript file goes through prettier with these options, pinned here rather
 * than read from the user's configuration, so that output is the same on every machine.
 * The oxc parser gives prettier the same syntax tree as its TypeScript parser in a third less
 * time, which matters at 5,312 files; `test/format/format.test.ts` checks that the output is
 * byte-identical to the TypeScript parser's.
 */
export const PRETTIER_OPTIONS: Options = {
  parser: "oxc-ts",
  plugins: [oxc],
  printWidth: 100,
};

/** Formats one emitted file; `file` only names it in errors. */
export async function formatTypeScript(text: string, file: string): Promise<string> {
  try {
    return await format(text, PRETTIER_OPTIONS);
  } catch (cause) {
    // Emitted code that prettier cannot parse is a generator bug: say which file.
    throw new Error(`prettier could not format ${file}: ${(cause as Error).message}`, { cause });
  }
}
