import { Alert, Heading1, Paragraph } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import type { Loaded } from "../data/useLoad";
import { useI18n } from "../i18n/i18n";

/** A screen's heading and introduction; every screen starts with one h1. */
export function ScreenTitle(props: { title: string; intro?: ReactNode }) {
  return (
    <header className="console-screen-title">
      <Heading1>{props.title}</Heading1>
      {props.intro && <Paragraph lead>{props.intro}</Paragraph>}
    </header>
  );
}

/** Renders a loaded value, or says plainly that it is loading, missing or failed. */
export function Load<T>(props: { loaded: Loaded<T>; children(value: T): ReactNode }) {
  const { t } = useI18n();
  const { loaded } = props;
  if (loaded.state === "loading") {
    return (
      <Paragraph role="status" className="console-loading">
        {t("common.loading")}
      </Paragraph>
    );
  }
  if (loaded.state === "failed") {
    return (
      <Alert type="error" role="alert">
        <Paragraph>{t(loaded.status === 404 ? "common.notFound" : "common.error")}</Paragraph>
      </Alert>
    );
  }
  return <>{props.children(loaded.value)}</>;
}

export function NotFound() {
  const { t } = useI18n();
  return <ScreenTitle title={t("common.notFound")} />;
}
