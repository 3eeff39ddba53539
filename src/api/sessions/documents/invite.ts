import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { printable } from "../../http/printable.js";
import type { InviteDocument, SessionPlace } from "./documentView.js";
import { labels } from "./dutch.js";

/** One stable identity per session, so a calendar replaces the invite instead of adding one. */
export const inviteUid = (sessionId: string): string => `session-${sessionId}@casustafel`;

const placeOf = (place: SessionPlace | null): string =>
  place === null ? "" : place.kind === "location" ? place.address : place.link;

/**
 * The calendar invite for a session. It leaves the service for mail servers and calendars, so
 * it carries no personal data: no young person, no question, only the table's name, the time,
 * the place and a link to the console, where each reader sees what it may.
 */
export function renderInvite(invite: InviteDocument): string {
  const { header } = invite;
  const cancelled = header.status === "cancelled";
  const calendar = ical({
    prodId: { company: "Casustafel", product: "sessies", language: "NL" },
    // RFC 5546: a cancelled session is sent as CANCEL, so calendars drop it rather than keep it.
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: inviteUid(header.sessionId),
    sequence: invite.sequence,
    stamp: new Date(invite.issuedAt),
    start: new Date(header.startsAt),
    end: header.endsAt === null ? null : new Date(header.endsAt),
    summary: `${labels.table} ${printable(header.tableName)}`.trim(),
    location: printable(placeOf(header.place)) || null,
    url: invite.consoleLink,
    description: `${labels.agenda} en stukken: ${invite.consoleLink}`,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
