import {
  ButtonLink,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { Link, useParams } from "wouter";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useLoad } from "../data/useLoad";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { caseNumber } from "./CaseList";
import { CaseParts } from "./CaseParts";

type CaseView = Schemas["Case"];

export function Facts(props: { facts: [string, ReactNode][] }) {
  return (
    <DataList className="console-facts">
      {props.facts.map(([key, value]) => (
        <DataListItem key={key}>
          <DataListKey>{key}</DataListKey>
          <DataListValue>{value}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}

function Invitation({ view }: { view: Schemas["Invitation"] }) {
  const { t } = useI18n();
  const { organisationName, signalCategoryLabel } = useReference();
  return (
    <>
      <ScreenTitle title={t("case.invitation.title")} intro={t("case.invitation.intro")} />
      <Facts
        facts={[
          [t("case.chair"), organisationName(view.chairOrganisationId)],
          [t("cases.filter.category"), signalCategoryLabel(view.signalCategory)],
          [t("case.invitation.message"), view.message || t("common.none")],
        ]}
      />
    </>
  );
}

function Header({ view }: { view: CaseView }) {
  const { t, formatDate } = useI18n();
  const { organisationName } = useReference();
  const subject = view.subject;
  return (
    <>
      <Facts
        facts={[
          [t("case.status"), t(`cases.status.${view.status}` as const)],
          [t("case.chair"), organisationName(view.chairOrganisationId)],
          [
            t("case.regie"),
            view.regieOrganisationId
              ? organisationName(view.regieOrganisationId)
              : t("case.noRegie"),
          ],
        ]}
      />
      {subject && (
        <section aria-labelledby="subject" className="console-section">
          <Heading2 id="subject">{t("case.subject")}</Heading2>
          <Facts
            facts={[
              [t("case.subject.name"), subject.name],
              [
                t("case.subject.dateOfBirth"),
                /^\d{4}-\d{2}-\d{2}$/.test(subject.dateOfBirth)
                  ? formatDate(subject.dateOfBirth)
                  : subject.dateOfBirth,
              ],
              [t("case.subject.school"), subject.school],
            ]}
          />
        </section>
      )}
      <section aria-labelledby="participants" className="console-section">
        <Heading2 id="participants">{t("case.participants")}</Heading2>
        <UnorderedList>
          {view.participants.map((participant) => (
            <UnorderedListItem key={participant.organisationId}>
              {organisationName(participant.organisationId)} —{" "}
              {t(`participant.${participant.status}` as const)}
              {participant.contact &&
                ` (${participant.contact.name}, ${participant.contact.function})`}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </section>
    </>
  );
}

export default function CaseDetail() {
  const { caseId } = useParams<{ caseId: string }>();
  const { api, session } = useSignedIn();
  const { t } = useI18n();
  const [loaded] = useLoad(
    () => api.GET("/v1/cases/{caseId}", { params: { path: { caseId } } }),
    [api, caseId],
  );
  return (
    <Load loaded={loaded}>
      {(view) =>
        view.view === "invitation" ? (
          <Invitation view={view} />
        ) : (
          <>
            <ScreenTitle title={t("case.title", { id: caseNumber(view.caseId) })} />
            {view.status === "open" && (
              <Paragraph className="console-actions">
                <Link href={`/casussen/${view.caseId}/delen`} asChild>
                  <ButtonLink appearance="primary-action-button">{t("case.share")}</ButtonLink>
                </Link>{" "}
                <Link href={`/casussen/${view.caseId}/toestemming`} asChild>
                  <ButtonLink appearance="secondary-action-button">{t("consent.open")}</ButtonLink>
                </Link>{" "}
                {view.chairOrganisationId === session.organisationId && (
                  <Link href={`/casussen/${view.caseId}/partners`} asChild>
                    <ButtonLink appearance="secondary-action-button">{t("tools.open")}</ButtonLink>
                  </Link>
                )}
              </Paragraph>
            )}
            <Header view={view} />
            <CaseParts view={view} />
          </>
        )
      }
    </Load>
  );
}
