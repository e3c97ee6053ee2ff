/**
 * The client runtime's public surface. Opt-in modules, imported only by apps that use them:
 * `retry.js` (`retryPolicy`), `validate.js` (`validateParams`), `xml.js` (`xmlFormat`) and
 * `batch.js` (`TopBatchClient`).
 */
export * from "./client.js";
export * from "./errors.js";
export type { TopLogger } from "./logger.js";
export { TopRequest, type ResponseOf } from "./request.js";
export {
  jsonFormat,
  type ResponseFormat,
  type TopRawResponse,
  type TopResult,
} from "./response.js";
export type { RetryOptions, RetryPolicy } from "./retry.js";
export type { ApiSchema, FieldSchema, ValueKind } from "./schema.js";
export { defineSchema, type CompactSchema } from "./compact-schema.js";
export type { SignMethod } from "./sign.js";
export type * from "./types.js";
