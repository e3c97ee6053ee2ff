import { createHash, createHmac } from "node:crypto";

/** The three signature methods of the gateway: MD5, HMAC-MD5 and HMAC-SHA256. */
export type SignMethod = "md5" | "hmac" | "hmac-sha256";

/**
 * Signs the text parameters of a call as the gateway checks them: keys sorted in code-unit
 * order, `key + value` joined without separators, hashed over UTF-8, upper-case hex.
 * `sign` itself and files must not be in `params`. `body`, when given, is appended after the
 * params before hashing: the batch API signs its whole text body that way.
 */
export function signParams(
  params: Readonly<Record<string, string>>,
  secret: string,
  method: SignMethod,
  body = "",
): string {
  // Plain sort() compares UTF-16 code units, as the gateway does; localeCompare would not.
  let joined = "";
  for (const key of Object.keys(params).sort()) joined += key + params[key];
  joined += body;
  // Strings are hashed as UTF-8, `update`'s default.
  const hash =
    method === "md5"
      ? createHash("md5").update(secret + joined + secret)
      : createHmac(method === "hmac" ? "md5" : "sha256", secret).update(joined);
  return hash.digest("hex").toUpperCase();
}
