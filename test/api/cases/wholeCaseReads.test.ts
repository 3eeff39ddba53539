import { describe, expect, test } from "vitest";
import { readCase } from "../../../src/commands/cases.js";
import type { EventStore } from "../../../src/store/eventStore.js";
import { eraseSubjectOfCase } from "./support/caseApi.js";
import { populatedCaseApi } from "./support/populated.js";
import { fillPath, sampleBodies } from "./support/samples.js";
import { SUBJECT } from "./support/scenario.js";

// Issue 15: a command starts from the fold the service keeps and reads only the events since,
// whatever the command, whoever asks and whether it is refused, so its cost does not grow with
// the case. Counted on the real store: the events of the case stream each request reads.

const populated = populatedCaseApi();
const NOTES = 150;
/** Events a request may read: those the projector has not applied yet, never the case. */
const SINCE_THE_FOLD = 20;

/** Counts the case's events the service reads from its store (the same store object). */
function countCaseReads(store: EventStore, caseId: string): () => number {
  const readStream = store.readStream;
  let read = 0;
  Object.assign(store, {
    readStream: async (...args: Parameters<EventStore["readStream"]>) => {
      const events = await readStream(...args);
      if (args[0] === `case-${caseId}`) read += events.length;
      return events;
    },
  });
  return () => read;
}

describe("given a case of several hundred events", () => {
  test("when every case route is called by the chair, a participant and a stranger, then none reads more than the events since the projector's fold", async () => {
    const { api, tokens, ids } = populated;
    const notes = `/v1/cases/${ids.caseId}/agreements/${ids.agreementId}/progress-notes`;
    for (let n = 0; n < NOTES; n++) {
      const written = await api.call("POST", notes, {
        token: tokens.wijkteam,
        body: { note: `Gebeld ${n}` },
      });
      expect(written.status).toBe(201);
    }
    const read = countCaseReads(api.system.store, ids.caseId);
    const callers = { chair: tokens.chair, school: tokens.school, stranger: tokens.stranger };

    const tooMany: string[] = [];
    const statuses = new Set<number>();
    for (const [who, token] of Object.entries(callers)) {
      for (const [key, body] of Object.entries(sampleBodies)) {
        const [method, path] = key.split(" ") as [string, string];
        const before = read();
        const response = await api.call(method, fillPath(path, ids), { token, body });
        statuses.add(response.status);
        if (read() - before > SINCE_THE_FOLD) tooMany.push(`${who} ${key}: ${read() - before}`);
      }
    }

    expect((await api.caseEvents(ids.caseId)).length).toBeGreaterThan(NOTES);
    expect([...statuses]).toEqual(expect.arrayContaining([200, 201, 404, 409]));
    expect(tooMany).toEqual([]);
  });

  test("when its young person is erased, then the case is read from its stream, decoded as erased, never from the fold in memory", async () => {
    const { api, ids } = populated;
    const commands = api.system.resources.commands;
    const [opened] = await api.caseEvents(ids.caseId);
    const subjectId = String(opened?.data.subjectId);
    expect(await commands.caseSnapshot?.(ids.caseId)).toBeDefined();

    await eraseSubjectOfCase(api.system, subjectId, ids.caseId);

    expect(await commands.caseSnapshot?.(ids.caseId)).toBeUndefined();
    const { state } = await readCase(commands, ids.caseId);
    expect(JSON.stringify(state)).not.toContain(SUBJECT.name);
    expect(JSON.stringify(state)).toContain("[erased]");
  });
});
