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
import { type ReactNode, useState } from "react";
import { useI18n } from "../i18n/i18n";

export interface Column<T> {
  title: string;
  cell(item: T): ReactNode;
}

/** Rows shown at once: a register of thousands grows by this many on request, never all at once. */
const PAGE = 200;

/** A register as a table with a caption; long registers scroll inside their own region. */
export function AuditTable<T>(props: {
  caption: string;
  items: T[];
  columns: Column<T>[];
  rowKey(item: T): string;
}) {
  const { t } = useI18n();
  const [limit, setLimit] = useState(PAGE);
  if (props.items.length === 0) return <Paragraph>{t("audit.empty")}</Paragraph>;
  return (
    <>
      {/* A scrolling region must be reachable by keyboard (WCAG 2.1.1), so it takes focus. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region is operable by keyboard. */}
      <section className="console-table-scroll" aria-label={props.caption} tabIndex={0}>
        <Table>
          <caption className="utrecht-table__caption">{props.caption}</caption>
          <TableHeader>
            <TableRow>
              {props.columns.map((column) => (
                <TableHeaderCell key={column.title} scope="col">
                  {column.title}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.items.slice(0, limit).map((item) => (
              <TableRow key={props.rowKey(item)}>
                {props.columns.map((column) => (
                  <TableCell key={column.title}>{column.cell(item)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      {props.items.length > limit && (
        <Button appearance="secondary-action-button" onClick={() => setLimit(limit + PAGE)}>
          {t("audit.more", { shown: limit, total: props.items.length })}
        </Button>
      )}
    </>
  );
}
