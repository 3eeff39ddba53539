/** One Server-Sent Event as the worklist stream sends it: ids and a type, never content. */
export interface Notice {
  id: string;
  type: string;
  caseId?: string;
  itemId?: string;
}

/**
 * Splits an SSE byte stream's text into events (WHATWG HTML §9.2.6): blocks end at a blank
 * line, `:` lines are comments (the heartbeat), and a block without data is no event.
 * Returns the events complete so far and the unfinished rest for the next chunk.
 */
export function parseEvents(buffered: string): { notices: Notice[]; rest: string } {
  // A CR at the end may be half of a CRLF whose LF comes in the next chunk: keep it for then.
  const heldCr = buffered.endsWith("\r");
  const text = heldCr ? buffered.slice(0, -1) : buffered;
  const blocks = text.replace(/\r\n?/g, "\n").split("\n\n");
  const rest = (blocks.pop() ?? "") + (heldCr ? "\r" : "");
  const notices: Notice[] = [];
  for (const block of blocks) {
    const fields = new Map<string, string>();
    for (const line of block.split("\n")) {
      if (line === "" || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      fields.set(
        name,
        fields.has(name) && name === "data" ? `${fields.get(name)}\n${value}` : value,
      );
    }
    const data = fields.get("data");
    if (data === undefined) continue;
    notices.push({
      id: fields.get("id") ?? "",
      type: fields.get("event") ?? "message",
      ...ids(data),
    });
  }
  return { notices, rest };
}

function ids(data: string): Pick<Notice, "caseId" | "itemId"> {
  try {
    const parsed = JSON.parse(data) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === "string" ? value : undefined);
    return { caseId: text(parsed.caseId), itemId: text(parsed.itemId) };
  } catch {
    return {};
  }
}
