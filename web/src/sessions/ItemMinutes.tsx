import { Button, Heading2, Heading3, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { TextAreaField } from "../ui/fields";
import { useWrite, WriteProblem } from "../ui/useWrite";

type Item = Schemas["Session"]["agenda"][number];
type Minutes = NonNullable<Item["minutes"]>;

/**
 * The item's minutes (rule 4: attendees only): the chair resolves corrections and approves, an
 * attendee proposes one; once approved they are immutable and later changes are addenda.
 */
export function ItemMinutes(props: {
  sessionId: string;
  item: Item;
  minutes: Minutes;
  chairs: boolean;
  done(): void;
}) {
  const { api } = useSignedIn();
  const { t, formatDateTime } = useI18n();
  const { organisationName } = useReference();
  const { busy, problem, run } = useWrite();
  const { minutes, item } = props;
  const [text, setText] = useState(minutes.minutes);
  const [addendum, setAddendum] = useState("");
  const path = { sessionId: props.sessionId, itemId: item.itemId };
  const after = (written: unknown) => written && props.done();
  const approve = async () =>
    after(
      await run(() =>
        api.POST("/v1/sessions/{sessionId}/agenda/{itemId}/minutes/approve", {
          params: { path },
          body: {},
        }),
      ),
    );
  const resolve = async (correctionId: string, accepted: boolean) =>
    after(
      await run(() =>
        api.POST(
          "/v1/sessions/{sessionId}/agenda/{itemId}/minutes/corrections/{correctionId}/resolve",
          { params: { path: { ...path, correctionId } }, body: { accepted } },
        ),
      ),
    );
  const propose = async (event: FormEvent) => {
    event.preventDefault();
    after(
      await run(() =>
        api.POST("/v1/sessions/{sessionId}/agenda/{itemId}/minutes/corrections", {
          params: { path },
          body: { minutes: text },
        }),
      ),
    );
  };
  const addAddendum = async (event: FormEvent) => {
    event.preventDefault();
    const added = await run(() =>
      api.POST("/v1/sessions/{sessionId}/agenda/{itemId}/minutes/addenda", {
        params: { path },
        body: { text: addendum },
      }),
    );
    if (added) setAddendum("");
    after(added);
  };
  const draft = minutes.status === "draft";
  return (
    <section aria-labelledby="minutes" className="console-section">
      <Heading2 id="minutes">
        {t("run.minutes")} ({t(`run.minutes.${minutes.status}` as const)})
      </Heading2>
      <WriteProblem problem={problem} />
      <Paragraph className="console-minutes">{minutes.minutes}</Paragraph>
      {minutes.decisions.length > 0 && (
        <>
          <Heading3>{t("run.decisions")}</Heading3>
          <ul>
            {minutes.decisions.map((decision) => (
              <li key={decision}>{decision}</li>
            ))}
          </ul>
        </>
      )}
      {minutes.corrections.length > 0 && <Heading3>{t("run.corrections")}</Heading3>}
      {minutes.corrections.map((correction) => (
        <article
          key={correction.correctionId}
          className="console-card"
          data-status={correction.status}
        >
          <Paragraph small>
            {t("run.correction.by", {
              organisation: organisationName(correction.proposedBy),
              date: formatDateTime(correction.proposedAt),
            })}{" "}
            · {t(`run.correction.${correction.status}` as const)}
          </Paragraph>
          <Paragraph>{correction.minutes}</Paragraph>
          {props.chairs && draft && correction.status === "proposed" && (
            <Paragraph>
              <Button
                appearance="secondary-action-button"
                disabled={busy}
                onClick={() => resolve(correction.correctionId, true)}
              >
                {t("run.correction.accept")}
              </Button>{" "}
              <Button
                appearance="subtle-button"
                disabled={busy}
                onClick={() => resolve(correction.correctionId, false)}
              >
                {t("run.correction.reject")}
              </Button>
            </Paragraph>
          )}
        </article>
      ))}
      {props.chairs && draft && (
        <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={approve}>
          {t("run.minutes.approve")}
        </Button>
      )}
      {minutes.addenda.length > 0 && <Heading3>{t("run.addenda")}</Heading3>}
      {minutes.addenda.map((added) => (
        <article key={added.addendumId} className="console-card" data-addendum={added.addendumId}>
          <Paragraph small>
            {t("run.correction.by", {
              organisation: organisationName(added.addedBy),
              date: formatDateTime(added.addedAt),
            })}
          </Paragraph>
          <Paragraph>{added.text}</Paragraph>
        </article>
      ))}
      {!draft && (
        <form onSubmit={addAddendum} className="console-form" noValidate>
          <TextAreaField
            label={t("run.addendum")}
            description={t("run.addendum.hint")}
            rows={2}
            value={addendum}
            onChange={setAddendum}
          />
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
            {t("run.addendum.submit")}
          </Button>
        </form>
      )}
      {!props.chairs && draft && (
        <form onSubmit={propose} className="console-form" noValidate>
          <TextAreaField label={t("run.correction.propose")} value={text} onChange={setText} />
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
            {t("run.correction.submit")}
          </Button>
        </form>
      )}
    </section>
  );
}
