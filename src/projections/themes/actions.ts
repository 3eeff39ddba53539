import { addDays, dateOf } from "../../domain/dates.js";
import type { CollectiveAction } from "../../domain/index.js";
import type { ThemeView, ThemeVisibility } from "../../privacy/policy/themeVisibility.js";

/** An open collective action as the owner's worklist and the chair's overview list it. */
export type OpenAction = CollectiveAction & {
  theme: ThemeView;
  restricted: boolean;
  overdue: boolean;
};

/**
 * The open actions among the visible themes: an owner's own, or for a chair every action of the
 * covenants it chairs; overdue first, then by due date. `dueBy` keeps only those due by then.
 */
export function openActions(
  visible: readonly ThemeVisibility[],
  now: string,
  keep: (action: CollectiveAction, theme: ThemeView) => boolean,
  dueBy?: string,
): OpenAction[] {
  const today = dateOf(now);
  const rows: OpenAction[] = [];
  for (const shown of visible) {
    if (shown.kind !== "theme") continue;
    for (const action of shown.view.actions) {
      if (action.completedAt !== null || !keep(action, shown.view)) continue;
      if (dueBy !== undefined && action.dueDate > dueBy) continue;
      const overdue = action.dueDate < today;
      rows.push({ ...action, theme: shown.view, restricted: shown.restricted, overdue });
    }
  }
  return rows.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.actionId.localeCompare(b.actionId),
  );
}

/** Actions due within this many days are on the owner's worklist, like agreements; overdue always. */
export const actionsDueBy = (now: string, days: number) => dateOf(addDays(now, days));
