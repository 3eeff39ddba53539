import { Alert, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useState } from "react";
import { useLocation } from "wouter";
import { completeSignIn } from "../auth/oidc";
import { useSession } from "../auth/session";
import { useI18n } from "../i18n/i18n";

/** Where the OIDC provider returns: trades the code for tokens, then forgets code and state. */
export function Callback() {
  const { settings, begin } = useSession();
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const oidc = settings.oidc;
    if (!oidc) {
      setFailed(true);
      return;
    }
    let active = true;
    completeSignIn(oidc, begin).then(
      (accessToken) => {
        if (active && begin(accessToken)) navigate("/", { replace: true });
        else if (active) setFailed(true);
      },
      () => active && setFailed(true),
    );
    return () => {
      active = false;
    };
  }, [settings.oidc, begin, navigate]);
  return (
    <main id="inhoud" className="console-main">
      {failed ? (
        <Alert type="error" role="alert">
          <Paragraph>{t("signIn.failed")}</Paragraph>
        </Alert>
      ) : (
        <Paragraph role="status">{t("signIn.busy")}</Paragraph>
      )}
    </main>
  );
}
