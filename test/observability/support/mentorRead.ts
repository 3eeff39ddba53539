import { randomUUID } from "node:crypto";
import { accessStreamId } from "../../../src/privacy/accessRecords.js";
import type { DemoCase } from "../../api/support/demoCase.js";

/**
 * The mentor reads the demo case with these headers: the answer (its body consumed) and the
 * read record that request left, found by its request id.
 */
export async function mentorReadsCase(
  demo: Pick<DemoCase, "service" | "cast" | "ids">,
  headers: Record<string, string> = {},
) {
  const requestId = randomUUID();
  const token = await demo.service.token(demo.cast.mentor.organisationId, ["professional"]);
  const response = await demo.service.call(
    token,
    "GET",
    `/v1/cases/${demo.ids.caseId}`,
    undefined,
    { ...headers, "x-request-id": requestId },
  );
  await response.arrayBuffer();
  const stream = await demo.service.service.system.store.readStream(
    accessStreamId(demo.ids.caseId),
    { direction: "backwards", limit: 20 },
  );
  return { response, record: stream.find((event) => event.metadata.correlationId === requestId) };
}
