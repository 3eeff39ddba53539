import { Button } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { caseNumber } from "../cases/CaseList";
import { useI18n } from "../i18n/i18n";
import { Load } from "../layout/Screen";
import { SelectField } from "../ui/fields";
import { useAuditedCases } from "./auditedCases";

/**
 * Picks a young person by the cases they are in: the choice is a subject id, and the label
 * names case numbers only, so no name is on screen before the report is asked for.
 */
export function SubjectPicker(props: { action: string; onPick(subjectId: string): void }) {
  const { t } = useI18n();
  const cases = useAuditedCases();
  const [subjectId, setSubjectId] = useState("");
  const pick = (event: FormEvent) => {
    event.preventDefault();
    if (subjectId) props.onPick(subjectId);
  };
  return (
    <Load loaded={cases}>
      {(known) => {
        const bySubject = new Map<string, string[]>();
        for (const { caseId, subjectId: id } of known) {
          if (id === null) continue;
          bySubject.set(id, [...(bySubject.get(id) ?? []), caseNumber(caseId)]);
        }
        const choices = [...bySubject].map(([value, numbers]) => ({
          value,
          label: t("subject.choice", { cases: numbers.join(", ") }),
        }));
        return (
          <form className="console-filters" onSubmit={pick}>
            <SelectField
              label={t("subject.label")}
              value={subjectId}
              required
              placeholder={t("visibility.choose")}
              choices={choices}
              onChange={setSubjectId}
            />
            <div className="console-filters__actions">
              <Button type="submit" appearance="primary-action-button">
                {props.action}
              </Button>
            </div>
          </form>
        );
      }}
    </Load>
  );
}
