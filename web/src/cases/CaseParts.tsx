import {
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { Link } from "wouter";
import type { Schemas } from "../api/client";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";

type CaseView = Schemas["Case"];

function Part(props: { id: string; title: string; empty: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={props.id} className="console-section">
      <Heading2 id={props.id}>{props.title}</Heading2>
      {props.empty ? <Paragraph>{t("case.nothing")}</Paragraph> : props.children}
    </section>
  );
}

/** Signals, meetings, agreements, consents and shares: only what the service let through. */
export function CaseParts({ view }: { view: CaseView }) {
  const { t, pick, formatDate, formatDateTime } = useI18n();
  const { organisationName, signalCategoryLabel, dataCategoryLabel, legalBases, levels } =
    useReference();
  const levelLabel = (id: string) => {
    const level = levels.find((item) => item.id === id);
    return level ? pick(level.label) : id;
  };
  const basisCitation = (id: string) => legalBases.find((basis) => basis.id === id)?.citation ?? id;
  return (
    <>
      <Part id="signals" title={t("case.signals")} empty={view.signals.length === 0}>
        {view.signals.map((signal) => (
          <article key={signal.signalId} className="console-card">
            <Heading3>{signalCategoryLabel(signal.category)}</Heading3>
            <Paragraph small>
              {t("case.signal.raisedBy", {
                organisation: organisationName(signal.raisedBy),
                date: formatDateTime(signal.raisedAt),
              })}
              {" · "}
              {t("case.signal.level")}: {levelLabel(signal.level)} · {t("case.signal.urgency")}:{" "}
              {t(`urgency.${signal.urgency}` as const)}
            </Paragraph>
            {signal.description && <Paragraph>{signal.description}</Paragraph>}
          </article>
        ))}
      </Part>
      <Part id="shares" title={t("case.shares")} empty={view.shares.length === 0}>
        {view.shares.map((share) => (
          <article key={share.shareId} className="console-card">
            <Paragraph small>
              {t("case.share.meta", {
                organisation: organisationName(share.sharedBy),
                date: formatDateTime(share.sharedAt),
                basis: basisCitation(share.legalBasisId),
              })}
              {" · "}
              {share.dataCategories.map(dataCategoryLabel).join(", ")}
            </Paragraph>
            <Paragraph>{share.content}</Paragraph>
          </article>
        ))}
      </Part>
      <Part id="meetings" title={t("case.meetings")} empty={view.meetings.length === 0}>
        <UnorderedList>
          {view.meetings.map((meeting) => (
            <UnorderedListItem key={meeting.meetingId}>
              {t("case.meeting.scheduled", { date: formatDateTime(meeting.scheduledFor) })}:{" "}
              {meeting.agenda}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Part>
      <Part id="agreements" title={t("case.agreements")} empty={view.agreements.length === 0}>
        <UnorderedList>
          {view.agreements.map((agreement) => (
            <UnorderedListItem key={agreement.agreementId}>
              <Link
                href={`/casussen/${view.caseId}/afspraken/${agreement.agreementId}`}
                className="utrecht-link"
              >
                {agreement.what}
              </Link>{" "}
              —{" "}
              {t("case.agreement.due", {
                owner: organisationName(agreement.ownerOrganisationId),
                date: formatDate(agreement.dueDate),
              })}
              {agreement.overdue && (
                <strong className="console-overdue"> ({t("case.agreement.overdue")})</strong>
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Part>
      <Part id="consents" title={t("case.consents")} empty={view.consents.length === 0}>
        <UnorderedList>
          {view.consents.map((consent) => (
            <UnorderedListItem key={consent.consentId}>
              {formatDate(consent.givenOn)} {t(`case.consent.givenBy.${consent.givenBy}` as const)}:{" "}
              {consent.scope.dataCategories.map(dataCategoryLabel).join(", ")}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Part>
    </>
  );
}
