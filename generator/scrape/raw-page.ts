/**
 * What a reader (text, HTML or JSON) found on one page, before `build-spec.ts` normalises it into
 * an `ApiSpec`. Values are kept as the page wrote them: types unnormalised, texts uncleaned.
 */
import type { Authorization, ErrorCodeDoc, Limits, Samples } from "../spec/spec.js";

export interface RawPage {
  api: string;
  title: string;
  description: string;
  category?: string;
  authorization?: Authorization;
  request: RawParam[];
  response: RawParam[];
  samples: Samples;
  errorCodes: ErrorCodeDoc[];
  /** Line of the title in a text page, for diagnostics about the page as a whole. */
  line?: number;
}

export interface RawParam {
  name: string;
  /** As written; `undefined` when the page gives none. */
  type: string | undefined;
  required?: boolean;
  example?: string;
  description?: string;
  limits: Limits;
  fields: RawParam[];
  /** 1-based line of the row in a text page. */
  line?: number;
}

/** A parameter table row of a text or HTML page, before the tree is rebuilt. */
export interface FlatRow {
  name: string;
  type: string | undefined;
  required?: boolean;
  limits: Limits;
  example?: string;
  description?: string;
  /**
   * What a text row could not assign: one cell (`cell: true`) that is either the example or the
   * description, or the rest of a top-level line holding both. `param-tree.ts` decides with the
   * page's samples.
   */
  undecided?: { text: string; cell: boolean };
  /** Whether the row was marked as a leaf (`└`); rows that have children carry no mark. */
  leaf: boolean;
  /** Nesting depth (0 = top level) when the page shows it, otherwise only for top rows. */
  depth?: number;
  line?: number;
}
