import { randomUUID } from "node:crypto";
import { handleCovenantCommand } from "../../../src/commands/covenants.js";
import { regionCommands } from "../../domain/fixtures.js";
import type { CaseApi, Exchange } from "../cases/support/caseApi.js";
import { COVENANT_ID, ORG } from "../cases/support/caseApi.js";

export { COVENANT_ID, ORG };

/** A young person as a partner types them: the identity in parts (rule 9). */
export type Person = {
  givenNames: string;
  tussenvoegsel?: string;
  surname: string;
  dateOfBirth: string;
  bsn?: string;
};

const displayName = (p: Person) =>
  [p.givenNames, p.tussenvoegsel, p.surname].filter((part) => part !== undefined).join(" ");

export const DESCRIPTION = "Daan is sinds de herfst vaak afwezig en gezien bij het station.";

/** The body of POST /v1/cases about a person; each call's ids are the server's. */
export const signalAbout = (
  person: Person,
  covenantId = COVENANT_ID,
  description = DESCRIPTION,
) => ({
  covenantId,
  subject: { ...person, name: displayName(person), school: "Het Rivierencollege" },
  contact: { name: "Ine Bakker", function: "zorgcoördinator", reach: "06-12345678" },
  category: "verzuim",
  level: "preventie",
  urgency: "medium",
  description,
});

/** A birth date no other test of the file uses, so each test has young people of its own. */
let born = 0;
export const freshBirthDate = () =>
  new Date(Date.UTC(2009, 1, 2 + born++)).toISOString().slice(0, 10);

/** Valid BSNs (elfproef), one per call. */
let bsnSeed = 100_000_00;
export function freshBsn(): string {
  for (;;) {
    const eight = String(bsnSeed++).padStart(8, "0");
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(eight[i]);
    const last = sum % 11;
    if (last < 10) return `${eight}${last}`;
  }
}

export async function raise(api: CaseApi, org: string, body: unknown): Promise<Exchange> {
  return api.call("POST", "/v1/cases", {
    token: await api.token(org, ["professional"]),
    body,
  });
}

/** Given a second covenant with the same members: its young people are never matched with ours. */
export async function establishAnotherCovenant(api: CaseApi): Promise<string> {
  const covenantId = `cov-${randomUUID()}`;
  for (const command of regionCommands()) {
    await handleCovenantCommand(api.system.resources.commands, { ...command, covenantId });
  }
  return covenantId;
}
