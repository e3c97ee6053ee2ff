#!/usr/bin/env node
// The `topgen` command: see load-cli.mjs for how the TypeScript sources are run.
import { loadCli } from "./load-cli.mjs";

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
