import type { Request } from "express";
import { describe, expect, test } from "vitest";
import { toProblem } from "../../src/api/http/problemMapping.js";
import { problemBody } from "../../src/api/http/problemSchema.js";
import { type HttpProblem, problemCatalogue } from "../../src/api/http/problems.js";
import {
  Conflict,
  ConsentRefused,
  InvalidCommand,
  NotFound,
  NotPermitted,
  OrganisationNotPermitted,
  ShareRefused,
} from "../../src/domain/index.js";
import { SubjectErasedError } from "../../src/privacy/keys/errors.js";
import { WrongExpectedRevisionError } from "../../src/store/errors.js";

// DESIGN §4: each error becomes the problem type whose title is true for it. Only a
// concurrent change is "conflict"; a refusal of the organisation is never titled as one of
// the role; any error that carries a 4xx status stays a 4xx.

const request = (headers: Record<string, string> = {}) => ({ headers }) as unknown as Request;
const bodyOf = (error: unknown, headers?: Record<string, string>) => {
  const problem = toProblem(error, request(headers), {}) as HttpProblem;
  return problemBody(problem);
};
const type = (kind: string) => `https://casustafel.example/problems/${kind}`;

describe("given refusals of the domain", () => {
  test.each([
    [new Conflict("case-open", "c-1"), 409, "state-conflict"],
    [new NotPermitted("share-role", "professional|chair"), 403, "forbidden"],
    [new OrganisationNotPermitted("sharer-only", "org-x"), 403, "organisation-not-permitted"],
    [new InvalidCommand("meeting-time", "x"), 422, "rule-violation"],
    [new ShareRefused([{ rule: "covenant-purpose", value: "p" }]), 422, "share-refused"],
    [new ConsentRefused([{ rule: "consent-recipients", value: null }]), 422, "consent-refused"],
    [new NotFound("share-exists", "s-1"), 404, "not-found"],
    [new SubjectErasedError(), 409, "state-conflict"],
  ])("when %s is mapped, then %i %s", (error, status, kind) => {
    expect(bodyOf(error)).toMatchObject({ status, type: type(kind) });
  });

  test("then a domain refusal is never titled as a concurrent change", () => {
    expect(bodyOf(new Conflict("already-participant", "org")).title).not.toMatch(/meanwhile/);
  });

  test("then every 422 lists its violations, each explained", () => {
    const body = bodyOf(
      new ShareRefused([
        { rule: "recipient-participant", value: "org-x" },
        { rule: "necessity-statement", value: null },
      ]),
    ) as { violations: { rule: string; explanation: string; remedy: string }[] };
    expect(body.violations.map((v) => v.rule)).toEqual([
      "recipient-participant",
      "necessity-statement",
    ]);
    for (const violation of body.violations) {
      expect(violation.explanation.length).toBeGreaterThan(10);
      expect(violation.remedy.length).toBeGreaterThan(10);
    }
    expect(bodyOf(new InvalidCommand("retention-later", "x"))).toMatchObject({
      violations: [expect.objectContaining({ rule: "retention-later", value: "x" })],
    });
  });

  test("then a not-found names only what was looked for, never the rule or the value", () => {
    expect(bodyOf(new NotFound("sharing-rule-exists", "r-1"))).toEqual({
      type: type("not-found"),
      title: "Not found",
      status: 404,
      detail: "No such sharing rule",
    });
  });
});

describe("given a stale or concurrent write", () => {
  const stale = new WrongExpectedRevisionError("case-1", 3, 4);
  test("when the client sent If-Match, then 412", () => {
    expect(bodyOf(stale, { "if-match": '"3"' }).status).toBe(412);
  });
  test("when it did not, then it lost every retry: 503 write-contention, to be retried", () => {
    expect(bodyOf(stale)).toMatchObject({ status: 503, type: type("write-contention") });
  });
});

describe("given errors of libraries", () => {
  test.each([
    [{ status: 400 }, 400, "malformed-request"],
    [{ statusCode: 400 }, 400, "malformed-request"],
    [{ status: 408 }, 408, "request-timeout"],
    [{ status: 416 }, 416, "client-error"],
    [{ status: 451, statusCode: 451 }, 451, "client-error"],
    [{ type: "encoding.unsupported", status: 415 }, 415, "unsupported-content-encoding"],
    [{ type: "charset.unsupported", status: 415 }, 415, "unsupported-media-type"],
    [{ type: "request.size.invalid", status: 400 }, 400, "unreadable-body"],
  ])("when one carries %j, then %i %s", (fields, status, kind) => {
    expect(bodyOf(Object.assign(new Error("x"), fields))).toMatchObject({
      status,
      type: type(kind),
    });
  });

  test("when a body declared gzip does not inflate, then 400 unreadable-body", () => {
    const zlib = Object.assign(new Error("incorrect header check"), {
      status: 400,
      code: "Z_DATA_ERROR",
    });
    expect(bodyOf(zlib, { "content-encoding": "gzip" })).toMatchObject({
      type: type("unreadable-body"),
    });
  });

  test.each([{ status: 503 }, { status: 302 }, { status: "400" }, {}])(
    "when one carries %j, then it is no client error and left to the 500 path",
    (fields) => {
      expect(toProblem(Object.assign(new Error("x"), fields), request(), {})).toBeUndefined();
    },
  );
});

test("every problem type has its own title", () => {
  const titles = Object.values(problemCatalogue).map((entry) => entry.title);
  expect(new Set(titles).size).toBe(titles.length);
});
