import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

/** A file part of a multipart call; files are never signed. */
export interface MockFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

/** One HTTP request as the gateway sees it. */
export interface Incoming {
  /** The HTTP method: `POST`, `GET`, ... */
  verb: string;
  path: string;
  /** Query string and body text parameters together; the body wins on a repeated name. */
  params: Record<string, string>;
  /** The query string's parameters alone (the batch protocol signs only these). */
  query: Record<string, string>;
  files: Record<string, MockFile>;
  headers: IncomingHttpHeaders;
  /** The body as text, for bodies that are neither form kind (the batch protocol's). */
  text: string;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads query string, form-urlencoded or multipart body of a request. */
export async function readIncoming(req: IncomingMessage): Promise<Incoming> {
  const url = new URL(req.url ?? "/", "http://gateway");
  const query = Object.fromEntries(url.searchParams);
  const body = await readBody(req);
  const type = req.headers["content-type"] ?? "";
  const mediaType = type.toLowerCase();
  const incoming: Incoming = {
    verb: req.method ?? "GET",
    path: url.pathname,
    params: { ...query },
    query,
    files: {},
    headers: req.headers,
    text: "",
  };

  if (mediaType.startsWith("multipart/form-data")) {
    // Node's fetch Response parses multipart bodies: no parser of our own to get wrong.
    const form = await new Response(body, { headers: { "content-type": type } }).formData();
    for (const [name, value] of form) {
      if (typeof value === "string") incoming.params[name] = value;
      else {
        incoming.files[name] = {
          filename: value.name,
          contentType: value.type,
          data: Buffer.from(await value.arrayBuffer()),
        };
      }
    }
  } else if (mediaType.startsWith("application/x-www-form-urlencoded")) {
    for (const [name, value] of new URLSearchParams(body.toString("utf8"))) {
      incoming.params[name] = value;
    }
  } else {
    incoming.text = body.toString("utf8");
  }
  return incoming;
}
