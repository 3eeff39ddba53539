import { Alert, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import type { Problem } from "../api/client";
import { brokenRules } from "../api/problems";
import { useI18n } from "../i18n/i18n";

interface Written<T> {
  data?: T;
  error?: unknown;
}

/** One write from a form: busy while it runs, and the service's problem if it refused. */
export function useWrite() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const run = async <T,>(write: () => Promise<Written<T>>): Promise<T | undefined> => {
    setBusy(true);
    setProblem(undefined);
    try {
      const { data, error } = await write();
      if (data === undefined) setProblem(error as Problem);
      return data;
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run };
}

/** What the service said when it refused a write: the rules it named, or its title. */
export function WriteProblem({ problem }: { problem: Problem | undefined }) {
  const { t } = useI18n();
  if (!problem) return null;
  const rules = problem.status === 422 ? brokenRules(problem) : [];
  return (
    <Alert type="error" role="alert">
      <Paragraph>
        {problem.status === 400 ? t("form.invalid") : (problem.detail ?? problem.title)}
      </Paragraph>
      {rules.length > 0 && (
        <ul>
          {rules.map((rule) => (
            <li key={rule.rule} data-rule={rule.rule}>
              {rule.explanation ?? t("share.refused.unknownRule", { rule: rule.rule })}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** A datetime-local control's value as an instant with offset, as the API takes it. */
export const instantOf = (local: string) => (local ? new Date(local).toISOString() : "");
