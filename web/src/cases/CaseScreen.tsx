import { Paragraph } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { Link, useParams } from "wouter";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useLoad } from "../data/useLoad";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { caseNumber } from "./CaseList";

/**
 * A screen that works on one case: its title, the way back to the case, and the case as the
 * service shows it to the reader (not found when the reader may not see it); `reload` fetches
 * it again after a write.
 */
export function CaseScreen({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children(view: Schemas["Case"], reload: () => void): ReactNode;
}) {
  const { caseId } = useParams<{ caseId: string }>();
  const { api } = useSignedIn();
  const { t } = useI18n();
  const [loaded, reload] = useLoad(
    () => api.GET("/v1/cases/{caseId}", { params: { path: { caseId } } }),
    [api, caseId],
  );
  return (
    <>
      <ScreenTitle title={title} intro={intro} />
      <Paragraph>
        <Link href={`/casussen/${caseId}`} className="utrecht-link">
          {t("common.back")}: {t("case.title", { id: caseNumber(caseId) })}
        </Link>
      </Paragraph>
      <Load loaded={loaded}>
        {(view) =>
          view.view === "case" ? (
            children(view, reload)
          ) : (
            <Paragraph>{t("common.notFound")}</Paragraph>
          )
        }
      </Load>
    </>
  );
}
