import { type DependencyList, useCallback, useEffect, useState } from "react";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "failed"; status: number | undefined }
  | { state: "loaded"; value: T };

/** A fetch result the service answered: data, or the HTTP status it refused with. */
export interface Answer<T> {
  data?: T;
  response: Response;
}

/** Runs `load` when the dependencies change; stale answers of earlier runs are dropped. */
export function useLoad<T>(
  load: () => Promise<Answer<T>>,
  dependencies: DependencyList,
): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what load depends on.
  useEffect(() => {
    let current = true;
    setLoaded({ state: "loading" });
    load().then(
      ({ data, response }) => {
        if (!current) return;
        setLoaded(
          data === undefined
            ? { state: "failed", status: response.status }
            : { state: "loaded", value: data },
        );
      },
      () => current && setLoaded({ state: "failed", status: undefined }),
    );
    return () => {
      current = false;
    };
  }, [...dependencies, round]);
  return [loaded, useCallback(() => setRound((r) => r + 1), [])];
}
