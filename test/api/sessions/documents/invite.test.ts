import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { printable } from "../../../../src/api/http/printable.js";
import type { InviteDocument } from "../../../../src/api/sessions/documents/documentView.js";
import { renderInvite } from "../../../../src/api/sessions/documents/invite.js";
import { header } from "./documentFixtures.js";
import { icsLines, icsText, icsValue } from "./icsLines.js";

const consoleLink = `https://casustafel.example.nl/sessies/${header.sessionId}`;
const invite: InviteDocument = {
  header: { ...header, status: "planned" },
  sequence: 0,
  consoleLink,
  issuedAt: "2026-02-20T09:00:00Z",
};

describe("the calendar invite of a session", () => {
  test("Given a planned session, then the invite is a REQUEST with its time, place and console link", () => {
    const ics = renderInvite(invite);

    expect(icsValue(ics, "METHOD")).toBe("REQUEST");
    expect(icsValue(ics, "UID")).toBe(`session-${header.sessionId}@casustafel`);
    expect(icsValue(ics, "SEQUENCE")).toBe("0");
    expect(icsValue(ics, "DTSTAMP")).toBe("20260220T090000Z");
    expect(icsValue(ics, "DTSTART")).toBe("20260302T130000Z");
    expect(icsValue(ics, "DTEND")).toBe("20260302T150000Z");
    expect(icsText(icsValue(ics, "SUMMARY") ?? "")).toBe("Casustafel Veilig Schoolklimaat Noord");
    expect(icsText(icsValue(ics, "LOCATION") ?? "")).toBe("Stadhuis, zaal 3");
    expect(icsValue(ics, "URL")).toBe(consoleLink);
    expect(icsValue(ics, "STATUS")).toBe("CONFIRMED");
  });

  test("Given the session is rescheduled, then the same UID comes with a higher SEQUENCE and the new time", () => {
    const moved = renderInvite({
      ...invite,
      sequence: 1,
      header: {
        ...invite.header,
        status: "rescheduled",
        startsAt: "2026-03-09T13:00:00Z",
        endsAt: "2026-03-09T15:00:00Z",
      },
    });

    expect(icsValue(moved, "UID")).toBe(icsValue(renderInvite(invite), "UID"));
    expect(icsValue(moved, "SEQUENCE")).toBe("1");
    expect(icsValue(moved, "DTSTART")).toBe("20260309T130000Z");
    expect(icsValue(moved, "METHOD")).toBe("REQUEST");
  });

  test("Given the session is cancelled, then the invite cancels it (METHOD:CANCEL, STATUS:CANCELLED)", () => {
    const cancelled = renderInvite({
      ...invite,
      sequence: 2,
      header: { ...invite.header, status: "cancelled" },
    });

    expect(icsValue(cancelled, "METHOD")).toBe("CANCEL");
    expect(icsValue(cancelled, "STATUS")).toBe("CANCELLED");
    expect(icsValue(cancelled, "SEQUENCE")).toBe("2");
  });

  test("Given a video session, then the link is the location", () => {
    const link = "https://video.example.nl/room?id=1,2;3";
    const ics = renderInvite({
      ...invite,
      header: { ...invite.header, place: { kind: "video", link } },
    });

    expect(icsText(icsValue(ics, "LOCATION") ?? "")).toBe(link);
  });

  test("Given a case meeting from before sessions, with no end and no place, then the invite has neither", () => {
    const ics = renderInvite({
      ...invite,
      header: { ...invite.header, endsAt: null, place: null },
    });

    expect(icsValue(ics, "DTSTART")).toBe("20260302T130000Z");
    expect(icsValue(ics, "DTEND")).toBeUndefined();
    expect(icsValue(ics, "LOCATION")).toBeUndefined();
  });

  test("Given any table name and address, then they read back as printed and every line is folded at 75 octets", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 300 }),
        fc.string({ unit: "binary", maxLength: 300 }),
        (tableName, address) => {
          const ics = renderInvite({
            ...invite,
            header: { ...invite.header, tableName, place: { kind: "location", address } },
          });

          expect(icsText(icsValue(ics, "SUMMARY") ?? "")).toBe(
            `Casustafel ${printable(tableName)}`.trim(),
          );
          expect(icsText(icsValue(ics, "LOCATION") ?? "")).toBe(printable(address));
          for (const line of ics.split("\r\n"))
            expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
          expect(icsLines(ics).map((line) => line.name)).not.toContain("");
        },
      ),
    );
  });
});
