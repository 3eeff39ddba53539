import {
  OrderedList,
  OrderedListItem,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import type { Schemas } from "../api/client";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/nl";

type Item = Schemas["VisibilityAt"]["items"][number];
type Change = Schemas["VisibilityChanges"]["changes"][number];

const KINDS = new Set([
  "case",
  "subject",
  "participant",
  "signal",
  "signal-description",
  "meeting",
  "minutes",
  "agreement",
  "consent",
  "share",
  "invitation",
]);
const EVENTS = new Set([
  "CaseOpened",
  "SignalRaised",
  "PartnerInvited",
  "PartnerJoined",
  "InvitationDeclined",
  "PartnerLeft",
  "PartnerRemoved",
  "InformationShared",
  "ShareRevoked",
  "ShareCorrected",
  "ConsentRecorded",
  "ConsentWithdrawn",
  "MeetingScheduled",
  "MeetingHeld",
  "RegieAssigned",
  "AgreementMade",
  "CaseClosed",
  "CaseReopened",
]);

/** The console's word for an item kind or event; the service's own code when it has none yet. */
function useLabels() {
  const { t } = useI18n();
  const { dataCategoryLabel, signalCategoryLabel } = useReference();
  const kind = (item: Item) =>
    KINDS.has(item.kind) ? t(`visibility.kind.${item.kind}` as MessageKey) : item.kind;
  const categories = (item: Item) =>
    item.kind === "share"
      ? item.categories.map(dataCategoryLabel).join(", ")
      : item.categories.map(signalCategoryLabel).join(", ");
  const event = (type: string | null) =>
    type === null
      ? t("visibility.event.time")
      : EVENTS.has(type)
        ? t(`visibility.event.${type}` as MessageKey)
        : type;
  return { kind, categories, event };
}

/** The items visible at the moment, as a table: kind, id and categories, never content. */
export function VisibleItems({ items }: { items: Item[] }) {
  const { t } = useI18n();
  const labels = useLabels();
  if (items.length === 0) return <Paragraph>{t("visibility.nothing")}</Paragraph>;
  return (
    <Table>
      <caption className="utrecht-table__caption">{t("visibility.items")}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t("visibility.col.kind")}</TableHeaderCell>
          <TableHeaderCell scope="col">{t("visibility.col.categories")}</TableHeaderCell>
          <TableHeaderCell scope="col">{t("visibility.col.id")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            <TableCell>{labels.kind(item)}</TableCell>
            <TableCell>{labels.categories(item) || "—"}</TableCell>
            <TableCell>
              <code>{item.id}</code>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The events that changed the view, oldest first, each with what came into and out of sight. */
export function VisibilityChanges({ changes }: { changes: Change[] }) {
  const { t, formatDateTime } = useI18n();
  const labels = useLabels();
  const line = (item: Item) => {
    const categories = labels.categories(item);
    return categories ? `${labels.kind(item)} (${categories})` : labels.kind(item);
  };
  return (
    <OrderedList className="console-timeline">
      {changes.map((change) => (
        <OrderedListItem
          key={`${change.at}-${change.eventType}`}
          className="console-timeline__entry"
        >
          <Paragraph>
            <time dateTime={change.at}>{formatDateTime(change.at)}</time>:{" "}
            <strong>{labels.event(change.eventType)}</strong> —{" "}
            {t(`visibility.accessShort.${change.access}` as const)}
          </Paragraph>
          {change.gained.length > 0 && (
            <Paragraph>
              {t("visibility.gained")}: {change.gained.map(line).join("; ")}
            </Paragraph>
          )}
          {change.lost.length > 0 && (
            <Paragraph>
              {t("visibility.lost")}: {change.lost.map(line).join("; ")}
            </Paragraph>
          )}
        </OrderedListItem>
      ))}
    </OrderedList>
  );
}
