import type { DemoUser } from "./client.js";
import type { Cast } from "./scenario.js";
import type { SessionIds } from "./session.js";

/** One line of a partner's worklist: what kind, about which young person, and when. */
export interface WorklistLine {
  section: string;
  kind: string;
  /** The young person as the partner sees the entry's case when it follows the link; "-" if hidden. */
  about: string;
  date: string;
}

export interface Worklist {
  label: string;
  status: number;
  lines: WorklistLine[];
}

/** What the police gets of the session: the items it may see and its minutes PDF. */
export interface PoliceSessionView {
  status: number;
  itemIds: string[];
  caseIds: string[];
  minutesPdf: { status: number; bytes: Buffer };
}

interface WorklistEntry {
  kind: string;
  caseId: string | null;
  date: string;
  items?: { caseId: string }[];
}

/**
 * GET /v1/worklist for one organisation. The worklist holds ids only; the partner follows each
 * case link, so a case is named only as far as the partner may see its subject (an invitation
 * shows none).
 */
async function worklistOf(label: string, user: DemoUser): Promise<Worklist> {
  const answer = await user.get("/v1/worklist");
  const sections: { name: string; entries: WorklistEntry[] }[] = answer.body?.sections ?? [];
  const names = new Map<string, string>();
  const nameOf = async (caseId: string) => {
    if (!names.has(caseId)) {
      const opened = await user.get(`/v1/cases/${caseId}`);
      names.set(caseId, opened.body?.subject?.name ?? "- (no subject shown)");
    }
    return names.get(caseId)!;
  };
  const lines: WorklistLine[] = [];
  for (const { name, entries } of sections) {
    for (const entry of entries) {
      const caseIds =
        entry.caseId === null ? (entry.items ?? []).map((i) => i.caseId) : [entry.caseId];
      const about = (await Promise.all(caseIds.map(nameOf))).join(", ");
      lines.push({
        section: name,
        kind: entry.kind,
        about: entry.caseId === null ? `session (${about})` : about,
        date: entry.date.slice(0, 10),
      });
    }
  }
  return { label, status: answer.status, lines };
}

/** Each partner's worklist, as its professional (or the chair) opens it. */
export async function partnerWorklists(cast: Cast): Promise<Worklist[]> {
  return [
    await worklistOf("school", cast.mentor),
    await worklistOf("politie", cast.wijkagent),
    await worklistOf("leerplicht", cast.leerplichtambtenaar),
    await worklistOf("jongerenwerk", cast.jongerenwerker),
    await worklistOf("wijkteam", cast.wijkcoach),
    await worklistOf("voorzitter", cast.voorzitter),
  ];
}

export async function policeSessionView(
  cast: Cast,
  session: SessionIds,
): Promise<PoliceSessionView> {
  const path = `/v1/sessions/${session.sessionId}`;
  const answer = await cast.wijkagent.get(path);
  const agenda: { itemId: string; caseId: string }[] = answer.body?.agenda ?? [];
  return {
    status: answer.status,
    itemIds: agenda.map((item) => item.itemId),
    caseIds: agenda.map((item) => item.caseId),
    minutesPdf: await cast.wijkagent.download(`${path}/minutes.pdf`),
  };
}
