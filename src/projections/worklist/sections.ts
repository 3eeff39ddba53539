import { addDays, dateOf } from "../../domain/dates.js";
import { type Actor, hasRole } from "../../domain/index.js";
import type { CaseVisibility } from "../../privacy/policy/caseVisibility.js";
import type { PossibleMatchesModel } from "../possibleMatches/possibleMatches.js";
import type { SessionsModel } from "../sessions/sessions.js";
import { minutesToHandle, upcomingSessions } from "../sessions/worklist.js";
import { actionsDueBy, openActions } from "../themes/actions.js";
import type { ThemesModel } from "../themes/themes.js";
import type { WorklistIndex } from "./worklistIndex.js";

/** Agreements due within this many days are on the worklist; overdue ones always. */
export const DUE_SOON_DAYS = 7;

/** One thing that needs the organisation: ids, a link and a date; never content. */
export interface WorklistEntry {
  kind:
    | "invitation"
    | "share-received"
    | "agreement-due"
    | "possible-match"
    | "session-upcoming"
    | "minutes-to-approve"
    | "minutes-to-correct"
    | "action-due";
  /** The case it is about; null for a session, which spans cases. */
  caseId: string | null;
  /** Sessions and minutes only: the session. */
  sessionId?: string;
  /** Collective actions only: the theme they follow up. */
  themeId?: string;
  /** The item itself: the share, agreement, match or agenda item; the case for an invitation, the session for a session. */
  itemId: string;
  /** The resource to read it at. */
  link: string;
  /** When it arrived, or (for an agreement) the day it falls due. */
  date: string;
  /** Agreements only: past its due date. */
  overdue?: boolean;
  /** Upcoming sessions only: the agenda items the organisation may attend. */
  items?: { itemId: string; caseId: string }[];
  /** Per case, the items as the policy names them in an access record; empty for what holds no case content. */
  shown: [caseId: string, item: string][];
}

/** What a section reads: the read models, the viewer, now, and since when "new" counts. */
export interface WorklistQuery {
  viewer: Actor;
  now: string;
  /** Shares after this instant are new; null: every share in force is. */
  since: string | null;
  /** The policy's answer for a case, asked once per case per worklist. */
  seen(caseId: string): CaseVisibility;
  index: WorklistIndex;
  possibleMatches: PossibleMatchesModel;
  sessions: SessionsModel;
  themes: ThemesModel;
}

/** A section is a pure function of the read models, the viewer and now. */
export type WorklistSection = (query: WorklistQuery) => WorklistEntry[];

const caseLink = (caseId: string) => `/v1/cases/${caseId}`;
const byDate = (a: WorklistEntry, b: WorklistEntry) =>
  a.date.localeCompare(b.date) || a.itemId.localeCompare(b.itemId);

export const invitationsWaiting: WorklistSection = ({ viewer, seen, index }) =>
  [...index.invitationsOf(viewer.organisationId)]
    .filter(([caseId]) => seen(caseId).kind === "invitation")
    .map(
      ([caseId, invitedAt]): WorklistEntry => ({
        kind: "invitation" as const,
        caseId,
        itemId: caseId,
        link: caseLink(caseId),
        date: invitedAt,
        shown: [[caseId, `invitation:${caseId}`]],
      }),
    )
    .sort(byDate);

/** Shares made to the organisation since it last looked, that it still sees (rule 3). */
export const sharesReceived: WorklistSection = ({ viewer, since, seen, index }) =>
  index
    .sharesReceivedBy(viewer.organisationId, since)
    .filter(({ caseId, shareId }) => {
      const visible = seen(caseId);
      return visible.kind === "case" && visible.view.shares.some((s) => s.shareId === shareId);
    })
    .map(
      ({ caseId, shareId, sharedAt }): WorklistEntry => ({
        kind: "share-received" as const,
        caseId,
        itemId: shareId,
        link: caseLink(caseId),
        date: sharedAt,
        shown: [[caseId, `share:${shareId}`]],
      }),
    )
    .sort(byDate);

/** The organisation's own open agreements, overdue or due within DUE_SOON_DAYS. */
export const agreementsDue: WorklistSection = ({ viewer, now, seen, index }) => {
  const dueBy = dateOf(addDays(now, DUE_SOON_DAYS));
  const entries: WorklistEntry[] = [];
  for (const { caseId, agreementId } of index.agreementsOwnedBy(viewer.organisationId, dueBy)) {
    const visible = seen(caseId);
    if (visible.kind !== "case") continue;
    const agreement = visible.view.agreements.find((a) => a.agreementId === agreementId);
    if (!agreement?.awaitsFollowUp) continue;
    entries.push({
      kind: "agreement-due",
      caseId,
      itemId: agreementId,
      link: caseLink(caseId),
      date: agreement.dueDate,
      overdue: agreement.overdue,
      shown: [[caseId, `agreement:${agreementId}`]],
    });
  }
  return entries.sort((a, b) => Number(b.overdue) - Number(a.overdue) || byDate(a, b));
};

/** For a chair: cases of its covenants that may be about one young person (rule 9); ids only. */
export const possibleSubjectMatches: WorklistSection = ({ viewer, index, possibleMatches }) => {
  if (!hasRole(viewer, "chair")) return [];
  return index.covenantsChairedBy(viewer.organisationId).flatMap((covenantId) =>
    possibleMatches.query(covenantId).map((match) => ({
      kind: "possible-match" as const,
      caseId: match.cases[0].caseId,
      itemId: match.matchId,
      link: `/v1/covenants/${covenantId}/possible-matches`,
      date: match.foundAt,
      shown: [],
    })),
  );
};

const sessionLink = (sessionId: string) => `/v1/sessions/${sessionId}`;

/** Draft minutes the chair must approve, or that the organisation attended and may still correct. */
export const minutesWaiting: WorklistSection = ({ viewer, now, sessions }) =>
  minutesToHandle(sessions, viewer, now).map(
    ({ entry }): WorklistEntry => ({
      kind:
        entry.action === "approve"
          ? ("minutes-to-approve" as const)
          : ("minutes-to-correct" as const),
      caseId: entry.caseId,
      sessionId: entry.sessionId,
      itemId: entry.itemId,
      link: sessionLink(entry.sessionId),
      date: entry.heldAt ?? now,
      shown: [[entry.caseId, `session-item:${entry.itemId}`]],
    }),
  );

/** Sessions ahead, soonest first, with only the agenda items of cases the organisation has. */
export const upcomingSessionsWithItems: WorklistSection = ({ viewer, now, sessions }) =>
  upcomingSessions(sessions, viewer, now).flatMap(({ entry: session }) => {
    const { sessionId, startsAt } = session;
    if (sessionId === null || startsAt === null) return [];
    const items = session.agenda.map(({ itemId, caseId }) => ({ itemId, caseId }));
    return [
      {
        kind: "session-upcoming" as const,
        caseId: null,
        sessionId,
        itemId: sessionId,
        link: sessionLink(sessionId),
        date: startsAt,
        items,
        shown: items.map(({ itemId, caseId }): [string, string] => [
          caseId,
          `session-item:${itemId}`,
        ]),
      },
    ];
  });

/** The organisation's own open collective actions, overdue or due soon, like its agreements; ids only. */
export const collectiveActionsDue: WorklistSection = ({ viewer, now, themes }) =>
  openActions(
    themes.visibleTo(viewer),
    now,
    (action) => action.ownerOrganisationId === viewer.organisationId,
    actionsDueBy(now, DUE_SOON_DAYS),
  ).map((action) => ({
    kind: "action-due" as const,
    caseId: null,
    themeId: action.theme.themeId,
    itemId: action.actionId,
    link: `/v1/themes/${action.theme.themeId}`,
    date: action.dueDate,
    overdue: action.overdue,
    shown: [],
  }));

/** The worklist's sections in the order it shows them. */
export const WORKLIST_SECTIONS = {
  invitations: invitationsWaiting,
  sharesReceived,
  agreementsDue,
  collectiveActions: collectiveActionsDue,
  minutes: minutesWaiting,
  upcomingSessions: upcomingSessionsWithItems,
  possibleMatches: possibleSubjectMatches,
} as const satisfies Record<string, WorklistSection>;

export type WorklistSectionName = keyof typeof WORKLIST_SECTIONS;
