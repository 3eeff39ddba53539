import { useEffect, useRef, useState } from "react";
import { useSignedIn } from "../auth/session";
import { type Notice, parseEvents } from "./eventStream";

const RETRY_MS = [1_000, 2_000, 5_000, 15_000];

/**
 * Listens to GET /v1/worklist/events while the screen is open. EventSource cannot send a
 * bearer token and the service takes none in a URL, so this reads the stream with fetch;
 * after a drop it reconnects with Last-Event-ID and the service replays what was missed.
 * Returns the time of the last notice, for a polite "updated" line.
 */
export function useLiveNotices(onNotice: (notice: Notice) => void): Date | undefined {
  const { session } = useSignedIn();
  const [updatedAt, setUpdatedAt] = useState<Date>();
  const listener = useRef(onNotice);
  listener.current = onNotice;
  useEffect(() => {
    const stop = new AbortController();
    let lastId = "";
    let failures = 0;
    const listen = async () => {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${session.accessToken}`,
        Accept: "text/event-stream",
      };
      if (lastId) headers["Last-Event-ID"] = lastId;
      const response = await fetch("/v1/worklist/events", { headers, signal: stop.signal });
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      failures = 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const { notices, rest } = parseEvents(buffered + value);
        buffered = rest;
        for (const notice of notices) {
          if (notice.id) lastId = notice.id;
          listener.current(notice);
          setUpdatedAt(new Date());
        }
      }
    };
    const loop = async () => {
      while (!stop.signal.aborted) {
        await listen().catch(() => failures++);
        if (stop.signal.aborted) return;
        const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    };
    loop();
    return () => stop.abort();
  }, [session.accessToken]);
  return updatedAt;
}
