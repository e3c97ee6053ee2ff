/**
 * What the client knows of one API at run time, emitted by the generator beside each request
 * class. It drives serialization, validation before sending, and the reading of responses
 * (list wrappers, 64-bit numbers, lenient values). Kept small: it ships in every app bundle.
 */
export type ValueKind =
  "string" | "number" | "boolean" | "date" | "price" | "file" | "json" | "object";

export interface FieldSchema {
  /** The wire name, exactly as documented. */
  name: string;
  kind: ValueKind;
  /** Present for lists (`String[]`, `Item[]`). */
  list?: true;
  /** Request params: the gateway rejects a call without it. */
  required?: true;
  /** Object kinds: the key of the field list in `ApiSchema.types`. */
  type?: string;
  /**
   * Lists in non-simplified JSON and XML responses are wrapped in an object with one key:
   * `string`, `number`, `boolean`, `date`, or the element type's snake_case name. Its value.
   */
  wrap?: string;
  maxLength?: number;
  maxListSize?: number;
  minValue?: number;
  maxValue?: number;
}

export interface ApiSchema {
  /** The gateway method, e.g. `alibaba.alsc.crm.customer.update`. */
  method: string;
  /** The key of a success response: `alibaba_alsc_crm_customer_update_response`. */
  responseKey: string;
  request: FieldSchema[];
  response: FieldSchema[];
  /** Field lists of the object types this API uses, by emitted type name. */
  types: Record<string, FieldSchema[]>;
  /** Whether the API needs a user's `session`, when documented. */
  session?: "required" | "optional" | "none";
}
