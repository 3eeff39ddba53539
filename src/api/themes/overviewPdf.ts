import type { CovenantState } from "../../domain/index.js";
import type { ThemeView } from "../../privacy/policy/themeVisibility.js";
import type { ThemeTrendCell } from "../../projections/themes/trends.js";
import { bullet, field, heading, type Page, paragraph, renderPdf } from "../http/pdfDocument.js";

/** What the newsletter overview shows: themes open to the whole covenant, their actions, the counts. */
export type ThemeOverview = {
  covenant: CovenantState;
  period: { fromMonth: string | null; toMonth: string | null };
  themes: ThemeView[];
  cells: ThemeTrendCell[];
  producedAt: string;
};

const nameOf = (covenant: CovenantState, organisationId: string) =>
  Object.hasOwn(covenant.members, organisationId)
    ? (covenant.members[organisationId]?.name ?? organisationId)
    : organisationId;

const periodLine = ({ fromMonth, toMonth }: ThemeOverview["period"]) =>
  `${fromMonth ?? "begin"} t/m ${toMonth ?? "nu"}`;

/** A newsletter-ready overview for the chair: phenomena, what the werkgroep does about them, how often. */
export function renderThemeOverviewPdf(overview: ThemeOverview): Promise<Buffer> {
  const { covenant } = overview;
  return renderPdf(
    { title: "Thema's en collectieve acties", producedAt: overview.producedAt },
    (page) => {
      heading(page, `Thema's en collectieve acties: ${covenant.name ?? ""}`, 18);
      field(page, "Periode", periodLine(overview.period));
      page.moveDown(0.8);
      for (const theme of overview.themes) themeSection(page, covenant, theme);
      if (overview.themes.length === 0) paragraph(page, "Geen thema's in deze periode.");
      heading(page, "Trends: thema's per categorie, school en maand", 13);
      for (const cell of overview.cells) {
        const school = cell.school === null ? "geen school" : nameOf(covenant, cell.school);
        bullet(page, `${cell.month}  ${cell.category}  ${school}: ${cell.themes}`);
      }
    },
  );
}

function themeSection(page: Page, covenant: CovenantState, theme: ThemeView): void {
  heading(page, theme.title ?? "", 13);
  field(page, "Categorie", `${theme.category} (${theme.level})`);
  const places = [
    ...theme.placeOrganisationIds.map((id) => nameOf(covenant, id)),
    theme.area ?? "",
  ];
  field(page, "Waar", places.filter((place) => place !== "").join(", "));
  paragraph(page, theme.description ?? "");
  for (const decision of theme.discussions.flatMap((d) => d.decisions)) bullet(page, decision);
  for (const action of theme.actions) {
    const state = action.completedAt === null ? `uiterlijk ${action.dueDate}` : "afgerond";
    bullet(page, `${action.what} (${nameOf(covenant, action.ownerOrganisationId)}, ${state})`);
    if (action.outcome !== null) paragraph(page, `Resultaat: ${action.outcome}`);
  }
  page.moveDown(0.8);
}
