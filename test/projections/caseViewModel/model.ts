import type { CaseCommand, CaseEvent, CovenantCommand } from "../../../src/domain/index.js";
import { ORG } from "../../domain/fixtures.js";

/**
 * The independent model of rules 1-4, updated from the commands the decider accepted. It says
 * "without interruption" its own way: each share and each set of minutes keeps the set of
 * organisations that hold it, and an organisation that leaves the case, is removed or is
 * withdrawn from the covenant moves from every such set to `lostBy`, for good.
 */
export type Model = {
  members: Set<string>;
  status: Map<string, string>;
  shares: {
    id: string;
    sharer: string;
    holders: Set<string>;
    lostBy: Set<string>;
    expiresAt: number;
    consentIds: string[];
    revoked: boolean;
    content: string;
  }[];
  minutes: Minutes[];
  /** Minutes of agenda items of sessions: rule 4 per item, as for a meeting. */
  itemMinutes: Minutes[];
  consents: Map<string, { withdrawn: boolean; expiresAt: number | null }>;
  signals: { id: string; raiser: string; description: string }[];
};

type Minutes = { text: string; attendees: string[]; holders: Set<string>; lostBy: Set<string> };

export const newModel = (): Model => ({
  members: new Set(Object.values(ORG)),
  status: new Map([[ORG.school, "joined"]]),
  shares: [],
  minutes: [],
  itemMinutes: [],
  consents: new Map(),
  signals: [{ id: "s-0", raiser: ORG.school, description: "Verzuimt." }],
});

const loseEverything = (model: Model, org: string) => {
  for (const item of [...model.shares, ...model.minutes, ...model.itemMinutes]) {
    if (item.holders.delete(org)) item.lostBy.add(org);
  }
};
const has = (model: Model, org: string) => model.status.get(org) === "joined";

export function applyCovenant(model: Model, command: CovenantCommand): void {
  if (command.type === "WithdrawMember") {
    model.members.delete(command.organisationId);
    loseEverything(model, command.organisationId);
  }
  if (command.type === "AdmitMember") model.members.add(command.member.organisationId);
}

/** Folds an accepted case command (and the events it produced) into the model. */
export function applyCase(model: Model, command: CaseCommand, events: CaseEvent[]): void {
  const sharedEvent = events.find((e) => e.type === "InformationShared");
  switch (command.type) {
    case "InvitePartner":
      model.status.set(command.organisationId, "invited");
      return;
    case "JoinCase":
      model.status.set(command.actor.organisationId, "joined");
      return;
    case "LeaveCase":
    case "RemovePartner": {
      const org =
        command.type === "LeaveCase" ? command.actor.organisationId : command.organisationId;
      model.status.set(org, "gone");
      loseEverything(model, org);
      return;
    }
    case "ShareInformation":
    case "ShareSignal": {
      const content =
        command.type === "ShareInformation"
          ? command.content
          : (model.signals.find((s) => s.id === command.signalId)?.description ?? "");
      model.shares.push({
        id: command.shareId,
        sharer: command.actor.organisationId,
        holders: new Set(command.recipients),
        lostBy: new Set(),
        expiresAt: Date.parse(command.expiresAt as string),
        consentIds: sharedEvent?.type === "InformationShared" ? sharedEvent.data.consentIds : [],
        revoked: false,
        content,
      });
      return;
    }
    case "RevokeShare":
    case "CorrectShare": {
      const share = model.shares.find((x) => x.id === command.shareId);
      if (share && command.type === "RevokeShare") share.revoked = true;
      if (share && command.type === "CorrectShare") share.content = command.content;
      return;
    }
    case "RecordConsent":
      model.consents.set(command.consentId, {
        withdrawn: false,
        expiresAt: command.expiresAt ? Date.parse(command.expiresAt) : null,
      });
      return;
    case "WithdrawConsent": {
      const consent = model.consents.get(command.consentId);
      if (consent) consent.withdrawn = true;
      return;
    }
    case "RaiseSignal":
      model.signals.push({
        id: command.signalId,
        raiser: command.actor.organisationId,
        description: command.description,
      });
      return;
    case "RecordMeeting":
    case "RecordAgendaItem": {
      // Attendees hold the minutes only while they have the case: joined and a member.
      const attendees = command.attendees.map((a) => a.organisationId);
      const holders = attendees.filter((org) => has(model, org) && model.members.has(org));
      const kept = command.type === "RecordMeeting" ? model.minutes : model.itemMinutes;
      kept.push({
        text: command.minutes,
        attendees,
        holders: new Set(holders),
        lostBy: new Set(),
      });
      return;
    }
    default:
      return;
  }
}

/** What the model allows `org` to see at `now`. */
export function allowed(model: Model, org: string, now: number) {
  const member = model.members.has(org);
  const hasCase = member && (org === ORG.chair || has(model, org));
  const access = hasCase
    ? "case"
    : member && model.status.get(org) === "invited"
      ? "invitation"
      : "none";
  const consentHolds = (id: string) => {
    const consent = model.consents.get(id);
    return consent !== undefined && !consent.withdrawn && (consent.expiresAt ?? Infinity) > now;
  };
  const shares = hasCase
    ? model.shares.filter(
        (s) =>
          !s.revoked &&
          s.expiresAt > now &&
          s.consentIds.every(consentHolds) &&
          (s.sharer === org || s.holders.has(org)),
      )
    : [];
  const reads = (m: Minutes) => hasCase && (org === ORG.chair || m.holders.has(org));
  const minutes = model.minutes.filter(reads);
  const itemMinutes = model.itemMinutes.filter(reads);
  const descriptions = hasCase
    ? model.signals.filter((s) => org === ORG.chair || s.raiser === org)
    : [];
  return { access, shares, minutes, itemMinutes, descriptions };
}
