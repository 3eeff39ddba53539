import { randomBytes } from "node:crypto";
import fc from "fast-check";

/** A W3C traceparent as a partner system sends it, with its ids to look for. */
export function partnerTraceparent() {
  const traceId = randomBytes(16).toString("hex");
  const spanId = randomBytes(8).toString("hex");
  return { traceId, spanId, header: `00-${traceId}-${spanId}-01` };
}

const W3C_TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/**
 * The caller's ids when `header` is a traceparent W3C Trace Context accepts, written from the
 * recommendation rather than the propagator: version ff and all-zero ids are invalid, and
 * version 00 has exactly four fields. HTTP trims the surrounding whitespace before we see it.
 */
export function w3cCallerOf(header: string): { traceId: string; spanId: string } | undefined {
  const match = W3C_TRACEPARENT.exec(header.trim());
  if (!match) return undefined;
  const [, version, traceId = "", spanId = "", , rest] = match;
  if (version === "ff" || (version === "00" && rest !== undefined)) return undefined;
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return undefined;
  return { traceId, spanId };
}

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length });
/** Printable ASCII and tab: what a header value can hold on the wire. */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 120,
});

/** Traceparents a hostile or broken partner sends: near-misses of the format, and noise. */
export const hostileTraceparent: fc.Arbitrary<string> = fc.oneof(
  headerText,
  fc
    .tuple(hex(2), hex(32), hex(16), hex(2))
    .map(([version, trace, span, flags]) => `${version}-${trace}-${span}-${flags}`),
  fc.constantFrom(
    `00-${"0".repeat(32)}-${"1".repeat(16)}-01`,
    `00-${"1".repeat(32)}-${"0".repeat(16)}-01`,
    `ff-${"1".repeat(32)}-${"1".repeat(16)}-01`,
    `00-${"A".repeat(32)}-${"1".repeat(16)}-01`,
    `00-${"1".repeat(32)}-${"1".repeat(16)}-01-extra`,
    `01-${"1".repeat(32)}-${"1".repeat(16)}-01-future`,
    `00-${"1".repeat(31)}-${"1".repeat(16)}-01`,
    `00-${"1".repeat(32)}-${"1".repeat(16)}-1`,
    "00--",
    "constructor",
    "__proto__",
    `00-${"1".repeat(32)}-${"1".repeat(16)}-01`.repeat(40),
  ),
);

/** Entity headers: most are no URI we keep (query strings may carry personal data). */
export const hostileEntity: fc.Arbitrary<string> = fc.oneof(
  headerText,
  fc.constantFrom(
    "https://partner.example/ldv",
    "urn:oid:2.16.528.1.1003",
    "https://partner.example/ldv?bsn=123456782",
    "https://partner.example/#fragment",
    "javascript:alert(1)",
    `https://partner.example/${"a".repeat(300)}`,
    "__proto__",
  ),
);
