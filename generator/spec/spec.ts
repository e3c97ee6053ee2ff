/**
 * The YAML spec of one TOP API: what the scrape stage writes to `specs/<api>.yaml` and what the
 * emit stage reads. Keys are listed in the order they are written (see `write-spec.ts`).
 */
export interface ApiSpec {
  /** The gateway method name, e.g. `alibaba.alsc.crm.customer.update`. */
  api: string;
  /** The page's Chinese title, e.g. `更新顾客信息`. */
  title: string;
  description: string;
  /** The documentation category's display name, e.g. `本地生活API`, when the page gives it. */
  category?: string;
  /** Whether calls need a user's `session`, when the page says. */
  authorization?: Authorization;
  request: Param[];
  response: Param[];
  samples?: Samples;
  error_codes?: ErrorCodeDoc[];
}

export type Authorization = "required" | "optional" | "none";

/** One request or response parameter; object types carry their children in `fields`. */
export interface Param {
  /** The documented wire name, e.g. `param_customer_update_open_req`. */
  name: string;
  /**
   * The doc type with spaces removed: `String`, `Number`, `Boolean`, `Date`, `Price`,
   * `BigDecimal`, `Json`, `byte[]`, an object type name such as `CustomerUpdateOpenReq`, or any of
   * these followed by `[]` for a list.
   */
  type: string;
  /** Request params only: whether the gateway rejects a call without it (code 40). */
  required?: boolean;
  /** The page's example value, always as a string; absent when the page has none. */
  example?: string;
  description?: string;
  limits?: Limits;
  fields?: Param[];
}

export interface Limits {
  max_length?: number;
  max_list_size?: number;
  min_value?: number;
  max_value?: number;
  default?: string;
}

/** Samples exactly as the page shows them (text, not parsed), keyed by what they show. */
export interface Samples {
  response_json?: string;
  response_xml?: string;
  response_simplified_json?: string;
  error_json?: string;
  error_xml?: string;
  request_java?: string;
}

export interface ErrorCodeDoc {
  code: string;
  message?: string;
  solution?: string;
}

/** The order in which keys of a spec and of a param are written, so that output is stable. */
export const SPEC_KEY_ORDER = [
  "api",
  "title",
  "description",
  "category",
  "authorization",
  "request",
  "response",
  "samples",
  "error_codes",
] as const satisfies readonly (keyof ApiSpec)[];

export const PARAM_KEY_ORDER = [
  "name",
  "type",
  "required",
  "example",
  "description",
  "limits",
  "fields",
] as const satisfies readonly (keyof Param)[];

export const LIMIT_KEY_ORDER = [
  "max_length",
  "max_list_size",
  "min_value",
  "max_value",
  "default",
] as const satisfies readonly (keyof Limits)[];

export const SAMPLE_KEY_ORDER = [
  "response_json",
  "response_xml",
  "response_simplified_json",
  "error_json",
  "error_xml",
  "request_java",
] as const satisfies readonly (keyof Samples)[];
