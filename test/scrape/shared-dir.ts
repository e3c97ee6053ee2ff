/** Where `../shared` (seed page and catalog) is for tests, and whether it is there. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const SEED = `${SHARED}seed/alibaba.alsc.crm.customer.update.txt`;
export const CATALOG = `${SHARED}top-catalog/`;
export const HAS_SEED = existsSync(SEED);
export const HAS_CATALOG = existsSync(`${CATALOG}docs`);

export const FIXTURES = fileURLToPath(new URL("../fixtures/pages/", import.meta.url));
