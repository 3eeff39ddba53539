// Commands on a long case (issue 15): a signal, a join refused and a share on one case of
// 5,000 events, one connection so each latency is the request's own. Every command starts
// from the projector's fold and reads only the events since, so none should cost the case.
import { once } from "node:events";
import autocannon from "autocannon";
import { type Figure, round } from "./figure.js";
import { startServer } from "./support/apiProcess.js";

const EVENTS = Number(process.env.BENCH_LONG_CASE_EVENTS ?? 5000);
const REQUESTS = Number(process.env.BENCH_LONG_CASE_REQUESTS ?? 300);

const signal = {
  category: "verzuim",
  level: "preventie",
  urgency: "low",
  description: "Weer afwezig op maandag.",
};

export async function* run(): AsyncIterable<Figure> {
  const { fixture, child } = await startServer({ BENCH_CASES: "1" });
  try {
    const caseId = fixture.caseIds[0]!;
    const post = (path: string, body: unknown, token = fixture.school) =>
      fetch(`${fixture.apiUrl}/v1/cases/${caseId}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    // Grown by shares (one event each), as a case of years of work would be.
    for (let n = 0; n < EVENTS; n++) {
      const response = await post("/shares", fixture.share);
      if (response.status !== 201) throw new Error(`grow: ${response.status}`);
    }
    const measure = async (name: string, path: string, body: unknown, status: number) => {
      const result = await autocannon({
        url: fixture.apiUrl,
        connections: 1,
        amount: REQUESTS,
        requests: [
          {
            method: "POST",
            path: `/v1/cases/${caseId}${path}`,
            headers: {
              authorization: `Bearer ${name === "join_refused" ? fixture.wijkteam : fixture.school}`,
              "content-type": "application/json",
            },
            body: JSON.stringify(body),
          },
        ],
      });
      if (result.errors > 0 || result.statusCodeStats[status]?.count !== REQUESTS)
        throw new Error(`${name}: ${JSON.stringify(result.statusCodeStats)}, not ${status}`);
      return result.latency;
    };
    const share = await measure("share", "/shares", fixture.share, 201);
    const raised = await measure("signal", "/signals", signal, 201);
    // The wijkteam joined already: every join is refused (403) after reading the case.
    const contact = { name: "Wijkcoach", function: "wijkcoach", reach: "06-11111111" };
    const join = await measure("join_refused", "/participants", { contact }, 403);
    for (const [name, latency] of [
      ["share", share],
      ["signal", raised],
      ["join_refused", join],
    ] as const) {
      yield { name: `long_case.${name}.p50`, value: round(latency.p50, 1), unit: "ms" };
      yield { name: `long_case.${name}.p99`, value: round(latency.p99, 1), unit: "ms" };
    }
    const ratio = raised.p99 / share.p99;
    yield { name: "long_case.signal_to_share_p99", value: round(ratio, 2), unit: "ratio" };
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
}
