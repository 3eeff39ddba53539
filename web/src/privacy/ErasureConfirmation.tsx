import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/nl";
import { type ErasablePart, type ErasurePreview, erasableParts } from "./erasurePreview";

const COUNTED = {
  subjects: "erase.what.subjects",
  signals: "erase.what.signals",
  shares: "erase.what.shares",
  consents: "erase.what.consents",
  meetings: "erase.what.meetings",
  agendaItems: "erase.what.agendaItems",
  agreements: "erase.what.agreements",
  contacts: "erase.what.contacts",
  invitations: "erase.what.invitations",
  reasons: "erase.what.reasons",
  other: "erase.what.other",
} as const satisfies Record<ErasablePart, MessageKey>;

/** Exactly what becomes "[erased]", as the service counted it: each kind of record, with the fields it loses. */
export function ErasedParts({ preview }: { preview: ErasurePreview }) {
  const { t } = useI18n();
  const counts = erasableParts(preview);
  return (
    <>
      <Paragraph data-total={preview.total}>
        {t("erase.what.total", { count: preview.total })}
      </Paragraph>
      <UnorderedList className="console-erasable">
        {(Object.keys(COUNTED) as (keyof typeof COUNTED)[])
          .filter((part) => counts[part] > 0)
          .map((part) => (
            <UnorderedListItem key={part} data-part={part}>
              {t(COUNTED[part], { count: counts[part] })}
            </UnorderedListItem>
          ))}
      </UnorderedList>
      <Paragraph>{t("erase.kept")}</Paragraph>
    </>
  );
}

/**
 * The second, explicit step: the consequence restated, focus moved here so a keyboard or
 * screen-reader user lands on it, and nothing erased until "Definitief wissen" is pressed.
 */
export function ConfirmErasure(props: {
  preview: ErasurePreview;
  reason: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const cases = props.preview.caseIds.length;
  return (
    <section className="console-confirm" aria-labelledby="wissen-bevestigen">
      <Alert type="warning">
        <Heading2 id="wissen-bevestigen" ref={heading} tabIndex={-1}>
          {t("erase.confirm.title")}
        </Heading2>
        <Paragraph>{t("erase.confirm.body", { cases, reason: props.reason })}</Paragraph>
        <ErasedParts preview={props.preview} />
        <ButtonGroup>
          <Button
            appearance="primary-action-button"
            disabled={props.busy}
            onClick={props.onConfirm}
          >
            {t("erase.confirm.yes")}
          </Button>
          <Button appearance="secondary-action-button" onClick={props.onCancel}>
            {t("erase.confirm.no")}
          </Button>
        </ButtonGroup>
      </Alert>
    </section>
  );
}
