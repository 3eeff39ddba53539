import { request } from "node:http";
import type { ServiceProcess } from "./serviceProcess.js";

/** A GET on a connection of its own; `sent` resolves once the request has left the client. */
export function getOnOwnConnection(
  service: ServiceProcess,
  path: string,
  headers: Record<string, string>,
) {
  let sent!: () => void;
  const written = new Promise<void>((resolve) => {
    sent = resolve;
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const outgoing = request(`${service.url}${path}`, { headers, agent: false }, (incoming) => {
      let body = "";
      incoming.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, body }));
      incoming.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.on("finish", sent);
    outgoing.end();
  });
  return { written, answered };
}
