import { Button, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { Link } from "wouter";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { caseNumber } from "../cases/CaseList";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { Load, ScreenTitle } from "../layout/Screen";
import { useLiveLoad } from "../live/useLiveLoad";
import { SelectField } from "../ui/fields";
import { useWrite, WriteProblem } from "../ui/useWrite";

type Listed = Schemas["PossibleMatches"]["possibleMatches"][number];
type Match = Omit<Listed, "cases"> & { cases: Listed["cases"][number][] };
const REASONS = ["same-bsn", "same-name-and-birth-date", "confirmed-by-partner"] as const;
type Reason = (typeof REASONS)[number];

/** One possible match (rule 9): the two cases and the key they share; the chair links them. */
function MatchCard({
  match,
  covenantId,
  done,
}: {
  match: Match;
  covenantId: string;
  done(): void;
}) {
  const { api } = useSignedIn();
  const { t, formatDateTime } = useI18n();
  const { busy, problem, run } = useWrite();
  const [reason, setReason] = useState<Reason | "">("");
  const [first, second] = match.cases;
  const merge = async () => {
    if (!reason || !first || !second) return;
    const body = { covenantId, caseIds: [first.caseId, second.caseId] as [string, string], reason };
    if (await run(() => api.POST("/v1/persons/merges", { body }))) done();
  };
  return (
    <article className="console-card" data-match={match.matchId}>
      <Heading2>{t("matches.match", { kind: t(`matches.kind.${match.kind}` as const) })}</Heading2>
      <Paragraph>
        {match.cases.map((c, index) => (
          <span key={c.caseId}>
            {index > 0 && " · "}
            <Link href={`/casussen/${c.caseId}`} className="utrecht-link">
              {t("cases.row.case", { id: caseNumber(c.caseId) })}
            </Link>
          </span>
        ))}{" "}
        · {t("matches.found", { date: formatDateTime(match.foundAt) })}
      </Paragraph>
      <WriteProblem problem={problem} />
      <SelectField
        label={t("matches.reason")}
        value={reason}
        placeholder={t("form.choose")}
        choices={REASONS.map((r) => ({ value: r, label: t(`matches.reason.${r}` as const) }))}
        onChange={(value) => setReason(value as Reason)}
      />
      <Button appearance="secondary-action-button" disabled={busy || !reason} onClick={merge}>
        {t("matches.merge")}
      </Button>
    </article>
  );
}

export default function PossibleMatches() {
  const { api } = useSignedIn();
  const { t } = useI18n();
  const { covenantId } = useReference();
  const { loaded, reload } = useLiveLoad(
    () =>
      api.GET("/v1/covenants/{covenantId}/possible-matches", {
        params: { path: { covenantId: covenantId ?? "" } },
      }),
    [api, covenantId],
    (notice) => notice.type === "possible-match.found",
  );
  return (
    <>
      <ScreenTitle title={t("matches.title")} intro={t("matches.intro")} />
      <Load loaded={loaded}>
        {({ possibleMatches }) =>
          possibleMatches.length === 0 ? (
            <Paragraph>{t("matches.empty")}</Paragraph>
          ) : (
            possibleMatches.map((match) => (
              <MatchCard
                key={match.matchId}
                match={match}
                covenantId={covenantId ?? ""}
                done={reload}
              />
            ))
          )
        }
      </Load>
    </>
  );
}
