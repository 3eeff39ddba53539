const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const unprintable = /(?![\t\n])[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text as a PDF can carry it: control characters and bidirectional overrides (which could make
 * printed minutes read differently from what was recorded) are dropped, and a lone surrogate,
 * which no font can draw, becomes U+FFFD. Line breaks and tabs stay.
 */
export function printable(text: string): string {
  return text.replace(loneSurrogate, "\ufffd").replace(/\r\n?/g, "\n").replace(unprintable, "");
}
