import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useLoad } from "../data/useLoad";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/nl";
import { Load, ScreenTitle } from "../layout/Screen";

type Report = Schemas["IntegrityReport"];

/** The stream families the service can place in a covenant (see GET /v1/audit/integrity). */
const FAMILIES = ["case", "access", "subject", "covenant"] as const;
const familyOf = (streamId: string) => streamId.split("-")[0] ?? streamId;

/** Green or red, said in words as well as colour (WCAG 1.4.1). */
function Verdict({ intact }: { intact: boolean }) {
  const { t } = useI18n();
  return (
    <span
      className={
        intact ? "console-verdict console-verdict--ok" : "console-verdict console-verdict--broken"
      }
    >
      {t(intact ? "integrity.intact" : "integrity.broken")}
    </span>
  );
}

function Families({ report }: { report: Report }) {
  const { t } = useI18n();
  const rows = [
    ...FAMILIES.map((family) => ({
      label: t(`integrity.family.${family}` as MessageKey),
      broken: report.broken.filter((link) => familyOf(link.streamId) === family),
    })),
  ];
  return (
    <Table>
      <caption className="utrecht-table__caption">{t("integrity.table")}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t("integrity.col.family")}</TableHeaderCell>
          <TableHeaderCell scope="col">{t("integrity.col.status")}</TableHeaderCell>
          <TableHeaderCell scope="col">{t("integrity.col.firstBreak")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.label}>
            <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
            <TableCell>
              <Verdict intact={row.broken.length === 0} />
            </TableCell>
            <TableCell>
              {row.broken.length === 0
                ? "—"
                : row.broken
                    .map((link) =>
                      t("integrity.link", {
                        stream: link.streamId,
                        revision: link.revision,
                        reason: link.reason,
                      }),
                    )
                    .join("; ")}
            </TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableHeaderCell scope="row">{t("integrity.family.elsewhere")}</TableHeaderCell>
          <TableCell>
            <Verdict intact={report.brokenElsewhere === 0} />
          </TableCell>
          <TableCell>
            {report.brokenElsewhere === 0
              ? "—"
              : t("integrity.elsewhere", { count: report.brokenElsewhere })}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

export default function IntegrityStatus() {
  const { api } = useSignedIn();
  const { covenantId } = useReference();
  const { t, formatDateTime } = useI18n();
  const [loaded, check] = useLoad(async () => {
    const answer = await api.GET("/v1/audit/integrity", {
      params: { query: { covenant: covenantId ?? "" } },
    });
    const data = answer.data && { report: answer.data, checkedAt: new Date().toISOString() };
    return { data, response: answer.response };
  }, [api, covenantId]);
  return (
    <>
      <ScreenTitle title={t("integrity.title")} intro={t("integrity.intro")} />
      <Load loaded={loaded}>
        {({ report, checkedAt }) => (
          <>
            <Paragraph role="status">
              <Verdict intact={report.intact} />{" "}
              {t("integrity.summary", {
                at: formatDateTime(checkedAt),
                streams: report.streamsChecked,
                events: report.eventsChecked,
              })}
            </Paragraph>
            <Families report={report} />
          </>
        )}
      </Load>
      <Button appearance="secondary-action-button" onClick={check}>
        {t("integrity.again")}
      </Button>
    </>
  );
}
