import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../generator/spec/diagnostics.js";
import {
  kindOfPath,
  scrapeFile,
  scrapeUrl,
  sniffKind,
} from "../../generator/scrape/scrape-input.js";
import { FIXTURES } from "./shared-dir.js";

const html = readFileSync(`${FIXTURES}taobao.topgen.fixture.nested.html`, "utf8");
const reduced = JSON.stringify({
  name: "taobao.topgen.json",
  apiChineseName: "j",
  description: "",
});

let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/page")
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    else if (req.url === "/doc")
      res.writeHead(200, { "content-type": "application/json" }).end(reduced);
    else if (req.url === "/sniff") res.writeHead(200).end(html);
    else if (req.url === "/slow") setTimeout(() => res.writeHead(200).end(html), 2_000);
    else res.writeHead(404).end("gone");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

describe("scrape inputs", () => {
  it("picks readers by extension, and by content type or body for URLs", () => {
    expect(kindOfPath("a/b.TXT")).toBe("text");
    expect(kindOfPath("a/.json")).toBe("json");
    expect(kindOfPath("a/b.htm")).toBe("html");
    expect(kindOfPath("a/b.yaml")).toBeUndefined();
    expect(sniffKind("<!DOCTYPE html><html>", "")).toBe("html");
    expect(sniffKind(' {"a":1}', "text/plain")).toBe("json");
    expect(sniffKind("文档中心 > API类目", "")).toBe("text");
  });

  it("scrapes an HTML page over http", async () => {
    const bag = new DiagnosticBag();
    const result = await scrapeUrl(`${base}/page`, bag);
    expect(bag.items).toEqual([]);
    expect(result.spec?.api).toBe("taobao.topgen.fixture.nested");
    expect((await scrapeUrl(`${base}/sniff`, bag)).spec?.api).toBe("taobao.topgen.fixture.nested");
    expect((await scrapeUrl(`${base}/doc`, bag)).spec?.api).toBe("taobao.topgen.json");
  });

  it("reports FETCH_FAILED for a missing page and a timeout, naming the URL", async () => {
    const bag = new DiagnosticBag();
    expect((await scrapeUrl(`${base}/missing`, bag)).failed).toBe(true);
    expect((await scrapeUrl(`${base}/slow`, bag, { timeoutMs: 100 })).failed).toBe(true);
    expect(bag.items.map((d) => [d.code, d.input])).toEqual([
      ["FETCH_FAILED", `${base}/missing`],
      ["FETCH_FAILED", `${base}/slow`],
    ]);
  });

  it("reports a missing file and an unsupported one", async () => {
    const bag = new DiagnosticBag();
    expect((await scrapeFile("/nonexistent/page.txt", bag)).failed).toBe(true);
    expect((await scrapeFile("notes.md", bag)).failed).toBe(true);
    expect(bag.items.map((d) => [d.code, d.input])).toEqual([
      ["INPUT_UNREADABLE", "/nonexistent/page.txt"],
      ["INPUT_UNSUPPORTED", "notes.md"],
    ]);
  });
});
