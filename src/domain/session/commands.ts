import type { Actor } from "../actor.js";

/** Every command carries the authenticated actor, the time and every id it creates. */
type SessionCommandOf<Type extends string, Fields> = {
  type: Type;
  actor: Actor;
  /** ISO-8601 time the command was issued; the domain reads no clock. */
  now: string;
  sessionId: string;
} & Fields;

export type PlanSession = SessionCommandOf<
  "PlanSession",
  {
    covenantId: string;
    startsAt: string;
    endsAt: string;
    location?: string | null;
    videoLink?: string | null;
    plannedOrganisationIds: string[];
  }
>;
export type RescheduleSession = SessionCommandOf<
  "RescheduleSession",
  { startsAt: string; endsAt: string; reason: string }
>;
export type CancelSession = SessionCommandOf<"CancelSession", { reason: string }>;
export type AddAgendaItem = SessionCommandOf<
  "AddAgendaItem",
  { itemId: string; caseId: string; question: string }
>;
export type RemoveAgendaItem = SessionCommandOf<"RemoveAgendaItem", { itemId: string }>;
export type ReorderAgenda = SessionCommandOf<"ReorderAgenda", { itemIds: string[] }>;
export type MarkSessionHeld = SessionCommandOf<"MarkSessionHeld", Record<never, never>>;

export type SessionCommand =
  | PlanSession
  | RescheduleSession
  | CancelSession
  | AddAgendaItem
  | RemoveAgendaItem
  | ReorderAgenda
  | MarkSessionHeld;
