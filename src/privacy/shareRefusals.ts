import { randomUUID } from "node:crypto";
import type { Actor } from "../domain/index.js";
import type { EventStore } from "../store/eventStore.js";
import type { RecordedEvent } from "../store/types.js";

/** The event type of a refused share attempt: a processing action like any other (issue 13). */
export const SHARE_ATTEMPT_REFUSED = "ShareAttemptRefused";

/** Refusals live beside the case, in their own stream, so a refusal never moves the case's revision. */
export const refusalStreamId = (caseId: string) => `refusals-${caseId}`;

/** A refused share as put on record: ids, rule codes and what was asked for; never content or text. */
export interface ShareRefusal {
  refusalId: string;
  caseId: string;
  subjectId: string;
  covenantId: string;
  /** The id the share would have had. */
  shareId: string;
  /** Set when the attempt was to share a signal's description. */
  signalId: string | null;
  userId: string;
  organisationId: string;
  roles: string[];
  /** The codes of every rule the attempt broke, in rule order. */
  rules: string[];
  legalBasisId: string;
  purposeId: string;
  dataCategories: string[];
  recipients: string[];
  refusedAt: string;
  correlationId: string | null;
}

export type NewShareRefusal = Omit<
  ShareRefusal,
  "refusalId" | "userId" | "organisationId" | "roles"
> & {
  actor: Actor;
};

/** Appends the refusal; throws when it cannot, so the refusal's answer fails rather than leave no trace. */
export async function recordShareRefusal(
  store: EventStore,
  refusal: NewShareRefusal,
): Promise<void> {
  const { actor, correlationId, ...asked } = refusal;
  const refusalId = randomUUID();
  const data = {
    ...asked,
    rules: [...asked.rules],
    dataCategories: [...asked.dataCategories],
    recipients: [...asked.recipients],
    userId: actor.userId,
    organisationId: actor.organisationId,
    roles: [...actor.roles],
    correlationId,
  };
  const metadata = {
    actor: {
      userId: actor.userId,
      organisationId: actor.organisationId,
      role: actor.roles.join(","),
    },
    ...(correlationId ? { correlationId } : {}),
  };
  await store.append(
    refusalStreamId(refusal.caseId),
    [{ eventId: refusalId, type: SHARE_ATTEMPT_REFUSED, data, metadata }],
    { expectedRevision: "any" },
  );
}

const text = (value: unknown) => (typeof value === "string" ? value : "");
const texts = (value: unknown) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/** The refusal an event holds; undefined for any other event. Never throws on a recorded event. */
export function shareRefusalFrom(event: RecordedEvent): ShareRefusal | undefined {
  if (event.type !== SHARE_ATTEMPT_REFUSED) return undefined;
  const { data } = event;
  return {
    refusalId: event.eventId,
    caseId: text(data.caseId),
    subjectId: text(data.subjectId),
    covenantId: text(data.covenantId),
    shareId: text(data.shareId),
    signalId: typeof data.signalId === "string" ? data.signalId : null,
    userId: text(data.userId),
    organisationId: text(data.organisationId),
    roles: texts(data.roles),
    rules: texts(data.rules),
    legalBasisId: text(data.legalBasisId),
    purposeId: text(data.purposeId),
    dataCategories: texts(data.dataCategories),
    recipients: texts(data.recipients),
    refusedAt: text(data.refusedAt) || event.recordedAt,
    correlationId: typeof data.correlationId === "string" ? data.correlationId : null,
  };
}
