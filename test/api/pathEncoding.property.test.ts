import type { Request, Response } from "express";
import fc from "fast-check";
import { expect, test } from "vitest";
import { percentEncodingGuard } from "../../src/api/http/pathEncoding.js";
import { HttpProblem } from "../../src/api/http/problems.js";

const guard = percentEncodingGuard(["/v1/cases/{caseId}", "/v1/cases/{caseId}/shares"]);

/** The guard's verdict on a path: let through, or refused with a problem. */
function verdict(path: string): "through" | "refused" {
  let through = false;
  try {
    guard({ path } as Request, {} as Response, () => {
      through = true;
    });
  } catch (error) {
    expect(error).toBeInstanceOf(HttpProblem);
    return "refused";
  }
  expect(through).toBe(true);
  return "through";
}

const decodes = (segment: string) => {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
};

test("Given any path, percent escapes whole, broken or overlong among its segments, when the guard looks at it, then it is refused exactly when a segment does not decode", () => {
  const segment = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.constantFrom("%", "%zz", "%E0%A4%A", "%C0%AF", "%ED%A0%80", "a%2Fb", "%25", "__proto__"),
  );
  fc.assert(
    fc.property(fc.array(segment, { maxLength: 5 }), (segments) => {
      const path = `/v1/cases/${segments.join("/")}`;
      const expected = path.split("/").every(decodes) ? "through" : "refused";
      expect(verdict(path)).toBe(expected);
    }),
  );
});
