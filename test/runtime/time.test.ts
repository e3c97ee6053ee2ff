import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatGmt8, parseGmt8 } from "../../generator/runtime/time.js";

const timeModule = fileURLToPath(new URL("../../generator/runtime/time.ts", import.meta.url));

describe("formatGmt8", () => {
  it("writes GMT+8 whatever the host zone", () => {
    expect(formatGmt8(new Date(Date.UTC(2013, 4, 6, 5, 52, 3)))).toBe("2013-05-06 13:52:03");
  });

  it.each(["UTC", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham"])(
    "gives the same text with TZ=%s",
    (tz) => {
      const script = `import { formatGmt8 } from ${JSON.stringify(timeModule)};
process.stdout.write(formatGmt8(new Date(Date.UTC(2024, 2, 10, 18, 30, 0))));`;
      const out = execFileSync(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", script],
        {
          env: { ...process.env, TZ: tz },
          encoding: "utf8",
        },
      );
      expect(out).toBe("2024-03-11 02:30:00");
    },
  );

  it("reads back what it writes", () => {
    const d = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));
    expect(parseGmt8(formatGmt8(d))?.getTime()).toBe(d.getTime());
    expect(parseGmt8("2020-01-01")).toBeUndefined();
  });
});
