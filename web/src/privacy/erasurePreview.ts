import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useLoad } from "../data/useLoad";

export type ErasurePreview = Schemas["ErasurePreview"];

/** The service's count of what erasing the young person turns into "[erased]": nothing decrypted. */
export function useErasurePreview(subjectId: string) {
  const { api } = useSignedIn();
  const { covenantId } = useReference();
  return useLoad(
    () =>
      api.GET("/v1/subjects/{subjectId}/erasure-preview", {
        params: { path: { subjectId }, query: { covenant: covenantId ?? "" } },
      }),
    [api, covenantId, subjectId],
  );
}

/** The kinds of record the screen names, and the event types each gathers. */
export const ERASABLE_PARTS = {
  subjects: ["CaseOpened"],
  signals: ["SignalRaised"],
  shares: ["InformationShared", "ShareCorrected"],
  consents: ["ConsentRecorded"],
  meetings: ["MeetingScheduled", "MeetingHeld"],
  agendaItems: [
    "AgendaItemAdded",
    "AgendaItemRecorded",
    "MinutesCorrectionProposed",
    "MinutesApproved",
    "MinutesAddendumAdded",
  ],
  agreements: [
    "AgreementMade",
    "AgreementDueDateChanged",
    "AgreementProgressNoted",
    "AgreementCompleted",
    "AgreementCancelled",
  ],
  contacts: ["PartnerJoined"],
  invitations: ["PartnerInvited"],
  reasons: ["CaseClosed", "CaseReopened", "RetentionExtended"],
} as const;

export type ErasablePart = keyof typeof ERASABLE_PARTS | "other";

/** Records per part, as the service counted them; a kind the screen does not name counts as "other". */
export function erasableParts(preview: ErasurePreview): Record<ErasablePart, number> {
  const counts = Object.fromEntries(
    [...Object.keys(ERASABLE_PARTS), "other"].map((part) => [part, 0]),
  ) as Record<ErasablePart, number>;
  for (const kind of preview.kinds) {
    const part = (Object.keys(ERASABLE_PARTS) as (keyof typeof ERASABLE_PARTS)[]).find((name) =>
      (ERASABLE_PARTS[name] as readonly string[]).includes(kind.eventType),
    );
    counts[part ?? "other"] += kind.events;
  }
  return counts;
}
