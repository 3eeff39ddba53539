import { Button, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { useI18n } from "../i18n/i18n";
import type { AuditFilter } from "./AuditFilters";

/** Rows per page: a busy covenant's registers run to millions, and the service pages them. */
const PAGE = 100;

/** The cursor in the service's link to the next page. */
export const cursorIn = (next: string) =>
  new URL(next, window.location.origin).searchParams.get("cursor") ?? undefined;

/** The filter and the page an audit register shows; a new filter starts at the first page. */
export function useAuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [cursor, setCursor] = useState<string | undefined>();
  return {
    /** The deps of the screen's load: it asks again when either changes. */
    filter,
    cursor,
    query: (covenantId: string | null) => ({
      covenant: covenantId ?? "",
      ...filter,
      limit: PAGE,
      cursor,
    }),
    filterBy(chosen: AuditFilter) {
      setCursor(undefined);
      setFilter(chosen);
    },
    /** Back to the first page, or on to the page the service's `next` link names. */
    turn: (next: string | null) => setCursor(next === null ? undefined : cursorIn(next)),
  };
}

/** "First page" once paged on, "Next page" while the service names one. */
export function PageButtons(props: {
  paged: boolean;
  next: string | null | undefined;
  onTurn(next: string | null): void;
}) {
  const { t } = useI18n();
  const { next } = props;
  return (
    <Paragraph>
      {props.paged && (
        <Button appearance="secondary-action-button" onClick={() => props.onTurn(null)}>
          {t("audit.firstPage")}
        </Button>
      )}{" "}
      {next && (
        <Button appearance="secondary-action-button" onClick={() => props.onTurn(next)}>
          {t("audit.nextPage")}
        </Button>
      )}
    </Paragraph>
  );
}
