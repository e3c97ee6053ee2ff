import type { ApiSchema } from "./schema.js";

/**
 * Base of every generated request class: the API's schema plus the caller's params.
 * `R` is the typed response; it exists only for inference by `TopClient.execute`.
 */
export abstract class TopRequest<P extends object = object, R = unknown> {
  /** Type-level only: lets `execute(request)` infer the response type. */
  declare readonly responseType?: R;

  protected constructor(
    readonly schema: ApiSchema,
    readonly params: P,
  ) {}

  /** The gateway method name, e.g. `alibaba.alsc.crm.customer.update`. */
  get method(): string {
    return this.schema.method;
  }
}

/** The response type a request class was generated with. */
export type ResponseOf<Q> = Q extends TopRequest<object, infer R> ? R : never;
