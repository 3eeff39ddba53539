import { InvalidCommand } from "../domainError.js";

const NINE_DIGITS = /^\d{9}$/;
// Written in groups ("1234.56.782", "123 456 782"); nothing else is stripped, so a value with
// a letter or a missing digit is refused rather than read as some other number.
const GROUPING = /[\s.]/g;

/**
 * Values that pass the elfproef but are what people type when the real number is unknown: the
 * textbook example and runs of one digit ("000000000", "111111110"). Accepting them would
 * strongly link every young person recorded with the same stand-in.
 */
const STAND_INS = new Set(["123456782"]);
const ONE_DIGIT_REPEATED = /^(\d)\1{7}/;

/** The BSN elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11. */
export function passesElfproef(digits: string): boolean {
  if (!NINE_DIGITS.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * A burgerservicenummer as its nine digits, leading zeros kept (it is an identifier, not a
 * number: "012345672" and "12345672" are not the same). Eight digits are refused rather than
 * padded: a dropped digit padded back would pass the elfproef one time in eleven as someone
 * else's number. The value is personal, so no refusal carries it.
 */
export function parseBsn(value: unknown): string {
  if (typeof value !== "string") throw new InvalidCommand("bsn-format");
  const digits = value.replace(GROUPING, "");
  if (!NINE_DIGITS.test(digits)) throw new InvalidCommand("bsn-format");
  if (STAND_INS.has(digits) || ONE_DIGIT_REPEATED.test(digits)) {
    throw new InvalidCommand("bsn-stand-in");
  }
  if (!passesElfproef(digits)) throw new InvalidCommand("bsn-elfproef");
  return digits;
}
