/**
 * Value types of generated request and response interfaces. The generator names exactly these,
 * so that every API spells a Number, a Date or a file the same way.
 */

/** A request Number: a bigint or a digit string keeps a 64-bit id exact. */
export type TopNumberInput = number | bigint | string;

/** A response Number: a JS number when exact, a bigint when an integer beyond 2^53. */
export type TopNumber = number | bigint;

/** A request Date: a `Date`, sent as `yyyy-MM-dd HH:mm:ss` GMT+8, or a string sent as is. */
export type TopDateInput = Date | string;

/** A request Price or BigDecimal: a decimal string, or a number written without exponent. */
export type TopPriceInput = string | number;

/** A `byte[]` / `FileItem` param: sent as a multipart file part, never signed. */
export interface TopFile {
  data: Uint8Array | Blob;
  /** @default the param name */
  filename?: string;
  /** @default "application/octet-stream" */
  contentType?: string;
}

/** A `Json` param: a string is sent as is, anything else JSON-serialised. */
export type TopJson = unknown;
