import type { Actor } from "../actor.js";
import type { Contact } from "./events.js";
import type { Attendee } from "./itemEvents.js";

type ItemCommandOf<Type extends string, Fields> = {
  type: Type;
  actor: Actor;
  now: string;
  caseId: string;
  itemId: string;
} & Fields;

/** An agreement made at an agenda item, recorded with it and linked to it. */
export type ItemAgreement = {
  agreementId: string;
  what: string;
  ownerOrganisationId: string;
  owner: Contact;
  dueDate: string;
};

export type RecordAgendaItem = ItemCommandOf<
  "RecordAgendaItem",
  {
    sessionId: string;
    heldAt: string;
    attendees: Attendee[];
    minutes: string;
    decisions: string[];
    agreements: ItemAgreement[];
  }
>;
export type ProposeMinutesCorrection = ItemCommandOf<
  "ProposeMinutesCorrection",
  { correctionId: string; minutes: string }
>;
export type ResolveMinutesCorrection = ItemCommandOf<
  "ResolveMinutesCorrection",
  { correctionId: string; accepted: boolean }
>;
/** Without minutes or decisions, the draft as it stands is approved. */
export type ApproveMinutes = ItemCommandOf<
  "ApproveMinutes",
  { minutes?: string; decisions?: string[] }
>;
export type AddMinutesAddendum = ItemCommandOf<
  "AddMinutesAddendum",
  { addendumId: string; text: string }
>;

export type AgendaItemCommand =
  | RecordAgendaItem
  | ProposeMinutesCorrection
  | ResolveMinutesCorrection
  | ApproveMinutes
  | AddMinutesAddendum;
