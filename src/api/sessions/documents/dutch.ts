import type { SessionPlace, SessionStatus } from "./documentView.js";

/** Times on a document are read by people at a Dutch table: Amsterdam time, in Dutch. */
const dateTime = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  dateStyle: "full",
  timeStyle: "short",
});
const timeOfDay = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  timeStyle: "short",
});
// A calendar date (a due date) has no time zone: read in UTC it stays the same day.
const calendarDate = new Intl.DateTimeFormat("nl-NL", { timeZone: "UTC", dateStyle: "long" });

export const labels = {
  table: "Casustafel",
  agenda: "Agenda",
  minutes: "Notulen",
  decisions: "Besluiten",
  agreements: "Afspraken",
  when: "Wanneer",
  where: "Waar",
  videoLink: "Videoverbinding",
  chair: "Voorzitter",
  planned: "Uitgenodigde organisaties",
  status: "Status",
  madeFor: "Opgesteld voor",
  item: "Agendapunt",
  question: "Vraag aan de tafel",
  notAttended: "niet bijgewoond",
  notDiscussed: "nog niet besproken",
  unknownPlace: "niet vastgelegd",
  draft: "Concept: nog niet vastgesteld door de voorzitter.",
  approved: "Vastgesteld door de voorzitter.",
  addendum: "Aanvulling",
  none: "Geen.",
  owner: "Eigenaar",
  due: "uiterlijk",
  confidential: "Vertrouwelijk: alleen voor de organisatie hierboven. Niet doorsturen.",
} as const;

const statusLabels: Record<SessionStatus, string> = {
  planned: "gepland",
  rescheduled: "verplaatst",
  cancelled: "afgelast",
  held: "gehouden",
};

export const statusLabel = (status: SessionStatus): string => statusLabels[status];

/** "maandag 2 maart 2026 om 14:00 – 16:00" in Amsterdam time. */
export function sessionTime(startsAt: string, endsAt: string | null): string {
  const start = dateTime.format(new Date(startsAt));
  return endsAt === null ? start : `${start} – ${timeOfDay.format(new Date(endsAt))}`;
}

export const dueDate = (date: string): string => calendarDate.format(new Date(`${date}T00:00:00Z`));

export function placeLine(place: SessionPlace | null): string {
  if (place === null) return labels.unknownPlace;
  return place.kind === "location" ? place.address : `${labels.videoLink}: ${place.link}`;
}
