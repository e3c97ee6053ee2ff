/**
 * The TOP gateway simulator, shipped with the generated SDK for apps' own tests: start it with
 * `startMockGateway`, point the client at `gateway.url`, sign with `MOCK_APP_KEY` and
 * `MOCK_APP_SECRET` (or your own), and inject faults to see how the app copes.
 */
export {
  MOCK_APP_KEY,
  MOCK_APP_SECRET,
  startMockGateway,
  type MockApi,
  type MockGateway,
  type MockGatewayOptions,
} from "./mock-gateway.js";
export type { MockBody, MockCall, MockResponder } from "./api-call.js";
export type { FaultKind, FaultScope, MockFault } from "./faults.js";
export type { GatewayError } from "./gateway-reply.js";
export type { MockFile } from "./incoming.js";
export {
  BATCH_PUBLIC_PREFIX,
  BATCH_SEPARATOR,
  BATCH_SEPARATOR_HEADER,
  parseBatchBody,
} from "./batch.js";
export { signWithBody } from "./gateway-checks.js";
