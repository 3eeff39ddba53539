import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseBsn, passesElfproef } from "../../../src/domain/index.js";
import { expectRefused } from "../fixtures.js";

// Valid numbers that are nobody's stand-in; the second keeps its leading zero.
const VALID = ["111222333", "012345672", "276154307", "232262536"];

/** Eight digits and the check digit that makes them pass, when there is one. */
const withCheckDigit = (eight: string): string | undefined => {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(eight[i]);
  const check = sum % 11;
  return check < 10 ? `${eight}${check}` : undefined;
};
const eightDigits = fc.stringMatching(/^\d{8}$/);
const validBsn = eightDigits.map(withCheckDigit).filter((bsn) => bsn !== undefined);

describe("the elfproef", () => {
  test("given valid numbers, when checked, then they pass, leading zero and all", () => {
    for (const bsn of VALID) expect(passesElfproef(bsn)).toBe(true);
  });

  test("given a valid number, when any one digit is mistyped, then it fails", () => {
    fc.assert(
      fc.property(validBsn, fc.nat(8), fc.integer({ min: 1, max: 9 }), (bsn, at, shift) => {
        const typo = `${bsn.slice(0, at)}${(Number(bsn[at]) + shift) % 10}${bsn.slice(at + 1)}`;
        expect(passesElfproef(typo)).toBe(false);
      }),
    );
  });

  test("given a valid number, when two different neighbours are swapped, then it fails", () => {
    fc.assert(
      fc.property(validBsn, fc.nat(7), (bsn, at) => {
        fc.pre(bsn[at] !== bsn[at + 1]);
        const swapped = `${bsn.slice(0, at)}${bsn[at + 1]}${bsn[at]}${bsn.slice(at + 2)}`;
        expect(passesElfproef(swapped)).toBe(false);
      }),
    );
  });

  test("given a number right under the bank-account rule (+1·d9), then it fails: the BSN's is −1·d9", () => {
    expect(passesElfproef("276154307")).toBe(true);
    expect(passesElfproef("276154304")).toBe(false);
  });
});

describe("reading a BSN", () => {
  test("given groups of digits with dots or spaces, then the nine digits come back", () => {
    expect(parseBsn("1112.22.333")).toBe("111222333");
    expect(parseBsn(" 012 345 672 ")).toBe("012345672");
  });

  test("given anything but nine digits, then it is refused for its format, never padded", () => {
    for (const value of ["12345672", "0111222333", "11122233x", "111-222-333", "", "١١١٢٢٢٣٣٣"]) {
      expectRefused(() => parseBsn(value), "invalid", "bsn-format");
    }
    expectRefused(() => parseBsn(111222333), "invalid", "bsn-format");
    expectRefused(() => parseBsn(null), "invalid", "bsn-format");
  });

  test("given a number that fails the elfproef, then it is refused for it", () => {
    expectRefused(() => parseBsn("111222334"), "invalid", "bsn-elfproef");
    expectRefused(() => parseBsn("301234568"), "invalid", "bsn-elfproef");
  });

  test("given a stand-in that passes the elfproef, then it is refused as a stand-in", () => {
    for (const value of ["000000000", "111111110", "123456782"]) {
      expect(passesElfproef(value)).toBe(true);
      expectRefused(() => parseBsn(value), "invalid", "bsn-stand-in");
    }
  });

  test("a refusal names its rule and nothing else: never the number", () => {
    for (const value of ["111222334", "000000000", "1112223"]) {
      expect(() => parseBsn(value)).toThrow(/^invalid: bsn-[a-z-]+$/);
    }
  });
});
