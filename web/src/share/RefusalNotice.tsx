import { Alert, Heading2, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef } from "react";
import type { BrokenRule } from "../api/problems";
import { useI18n } from "../i18n/i18n";
import { ruleTexts } from "./ruleTexts";

/** Each rule the service says the share broke: what it means and what would make it lawful. */
export function RefusalNotice({ rules }: { rules: BrokenRule[] }) {
  const { t, locale } = useI18n();
  const notice = useRef<HTMLDivElement>(null);
  // Focus lands on the refusal, so a keyboard or screen-reader user meets it first.
  useEffect(() => notice.current?.focus(), []);
  return (
    <div ref={notice} tabIndex={-1} className="console-refusal">
      <Alert type="error" role="alert">
        <Heading2>{t("share.refused.title")}</Heading2>
        <Paragraph>{t("share.refused.intro")}</Paragraph>
        <ol className="utrecht-ordered-list console-refusal__rules">
          {rules.map((broken) => {
            const text = ruleTexts[broken.rule]?.[locale];
            const explanation =
              text?.explanation ??
              broken.explanation ??
              t("share.refused.unknownRule", { rule: broken.rule });
            const remedy = text?.remedy ?? broken.remedy;
            return (
              <li key={broken.rule} className="utrecht-ordered-list__item" data-rule={broken.rule}>
                <Paragraph>{explanation}</Paragraph>
                {remedy && (
                  <Paragraph>
                    <strong>{t("share.refused.remedy")}</strong> {remedy}
                  </Paragraph>
                )}
              </li>
            );
          })}
        </ol>
      </Alert>
    </div>
  );
}
