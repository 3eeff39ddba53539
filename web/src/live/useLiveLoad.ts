import { type DependencyList, useRef } from "react";
import { type Answer, type Loaded, useLoad } from "../data/useLoad";
import type { Notice } from "./eventStream";
import { useLiveNotices } from "./useLiveNotices";

/**
 * Loads like useLoad and loads again when a notice concerns the screen; while it reloads the
 * screen keeps showing what it had, so a live update neither flashes nor loses the scroll.
 */
export function useLiveLoad<T>(
  load: () => Promise<Answer<T>>,
  dependencies: DependencyList,
  concerns: (notice: Notice) => boolean = () => true,
): { loaded: Loaded<T>; reload(): void; updatedAt: Date | undefined } {
  const [loaded, reload] = useLoad(load, dependencies);
  const updatedAt = useLiveNotices((notice) => concerns(notice) && reload());
  const last = useRef<Loaded<T>>(loaded);
  if (loaded.state !== "loading") last.current = loaded;
  const shown =
    loaded.state === "loading" && last.current.state === "loaded" ? last.current : loaded;
  return { loaded: shown, reload, updatedAt };
}
