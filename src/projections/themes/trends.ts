import { type CovenantState, SCHOOL_KINDS, type ThemeState } from "../../domain/index.js";

/** Themes raised in one month, of one category, at one school (a member organisation, or none). */
export type ThemeTrendCell = {
  category: string;
  school: string | null;
  month: string;
  themes: number;
};

const monthOf = (instant: string) => new Date(Date.parse(instant)).toISOString().slice(0, 7);

/**
 * Themes counted by category, school and month. Themes are not about persons, so no
 * k-threshold applies; they are counted apart from the young people of rule 7, never added
 * to them. A theme at two schools counts at each; one at no school (an area) under null.
 */
export function themeTrends(
  themes: readonly ThemeState[],
  covenant: CovenantState,
  period: { fromMonth?: string; toMonth?: string } = {},
): ThemeTrendCell[] {
  const isSchool = (id: string) =>
    Object.hasOwn(covenant.members, id) &&
    SCHOOL_KINDS.includes(covenant.members[id]?.partnerKind ?? "");
  const cells = new Map<string, ThemeTrendCell>();
  for (const theme of themes) {
    if (theme.raisedAt === null || theme.category === null) continue;
    const month = monthOf(theme.raisedAt);
    if (period.fromMonth && month < period.fromMonth) continue;
    if (period.toMonth && month > period.toMonth) continue;
    const schools = theme.places.organisationIds.filter(isSchool);
    for (const school of schools.length === 0 ? [null] : schools) {
      const key = JSON.stringify([month, theme.category, school]);
      const cell = cells.get(key) ?? { category: theme.category, school, month, themes: 0 };
      cells.set(key, { ...cell, themes: cell.themes + 1 });
    }
  }
  return [...cells.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      a.category.localeCompare(b.category) ||
      (a.school ?? "").localeCompare(b.school ?? ""),
  );
}
