import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { urlAllowed } from "../../../src/domain/index.js";

const LIST = ["https://hooks.example.org/casus", "http://127.0.0.1:8080/in/"];

describe("the webhook allow-list", () => {
  test.each([
    "https://hooks.example.org/casus",
    "https://hooks.example.org/casus/wijkteam",
    "https://HOOKS.example.org:443/casus/a?x=1",
    "http://127.0.0.1:8080/in/x",
  ])("Given %s under an allowed prefix, then it is allowed", (url) => {
    expect(urlAllowed(url, LIST)).toBe(true);
  });

  test.each([
    "https://hooks.example.org/casusx",
    "https://hooks.example.org/casus/../admin",
    "https://hooks.example.org/casus/%2e%2e/admin",
    "https://hooks.example.org.evil.test/casus",
    "https://hooks.example.org@evil.test/casus",
    "https://user:pw@hooks.example.org/casus",
    "https://hooks.example.org/casus#frag",
    "http://hooks.example.org/casus",
    "https://hooks.example.org:8443/casus",
    "http://127.0.0.1:8081/in/x",
    "http://127.0.0.1:8080/inx",
    "javascript:alert(1)//hooks.example.org/casus",
    "file:///etc/passwd",
    "not a url",
    "",
  ])("Given %s, then it is refused", (url) => {
    expect(urlAllowed(url, LIST)).toBe(false);
  });

  test("Given an empty list, then nothing is allowed", () => {
    expect(urlAllowed("https://hooks.example.org/casus", [])).toBe(false);
  });

  test("Property: an allowed URL has the origin of an entry and a path at or under its path", () => {
    const part = fc.stringMatching(/^[a-z0-9.%_~-]{0,12}$/);
    fc.assert(
      fc.property(
        fc.constantFrom("https://", "http://", ""),
        part,
        part,
        fc.array(part, { maxLength: 3 }),
        (scheme, host, first, rest) => {
          const url = `${scheme}${host}.example.org/${[first, ...rest].join("/")}`;
          if (!urlAllowed(url, LIST)) return;
          const parsed = new URL(url);
          expect(parsed.origin).toBe("https://hooks.example.org");
          expect(parsed.pathname === "/casus" || parsed.pathname.startsWith("/casus/")).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
