import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  Heading2,
} from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import type { RequestBody } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { SelectField, TextAreaField, TextField } from "../ui/fields";
import { useWrite, WriteProblem } from "../ui/useWrite";

type Agreement = NonNullable<
  RequestBody<"postSessionsSessionIdAgendaItemIdRecord">["agreements"]
>[number];
interface Attendance {
  present: boolean;
  userId: string;
  acknowledged: boolean;
}

const emptyAgreement = (): Agreement => ({
  what: "",
  ownerOrganisationId: "",
  owner: { name: "", function: "", reach: "" },
  dueDate: "",
});

function Tick(props: { id: string; label: string; checked: boolean; onChange(on: boolean): void }) {
  return (
    <label htmlFor={props.id} className="console-tick">
      <Checkbox
        id={props.id}
        appearance="custom"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />{" "}
      {props.label}
    </label>
  );
}

/** Who was in the room for this item (its case's participants only), minutes, decisions, agreements. */
export function RecordItem(props: {
  sessionId: string;
  itemId: string;
  room: string[];
  done(): void;
}) {
  const { api, session } = useSignedIn();
  const { t } = useI18n();
  const { organisationName } = useReference();
  const { busy, problem, run } = useWrite();
  const [attendance, setAttendance] = useState<Record<string, Attendance>>(() =>
    Object.fromEntries(
      props.room.map((id) => [
        id,
        {
          present: id === session.organisationId,
          userId: id === session.organisationId ? session.userId : "",
          acknowledged: false,
        },
      ]),
    ),
  );
  const [minutes, setMinutes] = useState("");
  const [decisions, setDecisions] = useState("");
  const [agreements, setAgreements] = useState<Agreement[]>([]);
  const attend = (id: string, patch: Partial<Attendance>) =>
    setAttendance({ ...attendance, [id]: { ...attendance[id]!, ...patch } });
  const change = (index: number, patch: Partial<Agreement>) =>
    setAgreements(agreements.map((a, i) => (i === index ? { ...a, ...patch } : a)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const attendees = Object.entries(attendance)
      .filter(([, a]) => a.present)
      .map(([organisationId, a]) => ({
        organisationId,
        userId: a.userId,
        confidentialityAcknowledged: a.acknowledged,
      }));
    const body = {
      heldAt: new Date().toISOString(),
      attendees,
      minutes,
      decisions: decisions
        .split("\n")
        .map((d) => d.trim())
        .filter(Boolean),
      agreements,
    };
    const path = { sessionId: props.sessionId, itemId: props.itemId };
    const written = await run(() =>
      api.POST("/v1/sessions/{sessionId}/agenda/{itemId}/record", { params: { path }, body }),
    );
    if (written) props.done();
  };
  const present = props.room.filter((id) => attendance[id]?.present);
  return (
    <form onSubmit={submit} className="console-form" noValidate aria-labelledby="record">
      <Heading2 id="record">{t("run.record")}</Heading2>
      <WriteProblem problem={problem} />
      {props.room.map((id, index) => (
        <Fieldset key={id}>
          <FieldsetLegend>{organisationName(id)}</FieldsetLegend>
          <Tick
            id={`present-${index}`}
            label={t("run.present")}
            checked={attendance[id]!.present}
            onChange={(present) => attend(id, { present })}
          />
          {attendance[id]!.present && (
            <>
              <TextField
                label={t("run.userId", { organisation: organisationName(id) })}
                value={attendance[id]!.userId}
                onChange={(userId) => attend(id, { userId })}
              />
              <Tick
                id={`ack-${index}`}
                label={t("run.acknowledged", { organisation: organisationName(id) })}
                checked={attendance[id]!.acknowledged}
                onChange={(acknowledged) => attend(id, { acknowledged })}
              />
            </>
          )}
        </Fieldset>
      ))}
      <TextAreaField label={t("run.minutes")} value={minutes} required onChange={setMinutes} />
      <TextAreaField
        label={t("run.decisions")}
        description={t("run.decisions.hint")}
        value={decisions}
        onChange={setDecisions}
      />
      {agreements.map((agreement, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: agreements are only appended, so an index names one.
        <Fieldset key={index}>
          <FieldsetLegend>{t("run.agreement", { number: index + 1 })}</FieldsetLegend>
          <TextField
            label={t("run.agreement.what")}
            value={agreement.what}
            onChange={(what) => change(index, { what })}
          />
          <SelectField
            label={t("run.agreement.owner")}
            value={agreement.ownerOrganisationId}
            placeholder={t("form.choose")}
            choices={present.map((id) => ({ value: id, label: organisationName(id) }))}
            onChange={(ownerOrganisationId) => change(index, { ownerOrganisationId })}
          />
          <TextField
            label={t("run.agreement.ownerName")}
            value={agreement.owner.name}
            onChange={(name) => change(index, { owner: { ...agreement.owner, name } })}
          />
          <TextField
            label={t("run.agreement.ownerFunction")}
            value={agreement.owner.function}
            onChange={(fn) => change(index, { owner: { ...agreement.owner, function: fn } })}
          />
          <TextField
            label={t("run.agreement.ownerReach")}
            value={agreement.owner.reach}
            onChange={(reach) => change(index, { owner: { ...agreement.owner, reach } })}
          />
          <TextField
            label={t("run.agreement.dueDate")}
            type="date"
            value={agreement.dueDate}
            onChange={(dueDate) => change(index, { dueDate })}
          />
        </Fieldset>
      ))}
      <Button
        appearance="secondary-action-button"
        onClick={() => setAgreements([...agreements, emptyAgreement()])}
      >
        {t("run.agreement.add")}
      </Button>
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {t("run.record.submit")}
      </Button>
    </form>
  );
}
