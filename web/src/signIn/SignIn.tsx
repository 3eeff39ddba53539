import { Alert, Button, Heading2, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useState } from "react";
import { useLocation } from "wouter";
import { type DevDirectory, devSignIn, loadDevDirectory } from "../auth/devSignIn";
import { userManager } from "../auth/oidc";
import { useSession } from "../auth/session";
import { useI18n } from "../i18n/i18n";
import { ScreenTitle } from "../layout/Screen";
import { RadioGroup, SelectField } from "../ui/fields";

function DevSignIn() {
  const { t } = useI18n();
  const { begin } = useSession();
  const [, navigate] = useLocation();
  const [directory, setDirectory] = useState<DevDirectory | null>(null);
  const [organisationId, setOrganisationId] = useState("");
  const [role, setRole] = useState("professional");
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadDevDirectory().then(setDirectory, () => setFailed(true));
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (begin(await devSignIn(organisationId, role))) navigate("/");
      else setFailed(true);
    } catch {
      setFailed(true);
    }
  };
  if (!directory) return null;
  return (
    <section aria-labelledby="dev-sign-in" className="console-section">
      <Heading2 id="dev-sign-in">{t("signIn.dev.title")}</Heading2>
      <Alert type="warning">
        <Paragraph>{t("signIn.dev.warning")}</Paragraph>
      </Alert>
      {failed && (
        <Alert type="error" role="alert">
          <Paragraph>{t("signIn.failed")}</Paragraph>
        </Alert>
      )}
      <form onSubmit={submit} className="console-form">
        <SelectField
          label={t("signIn.dev.organisation")}
          name="organisation"
          value={organisationId}
          required
          placeholder={t("form.choose")}
          choices={directory.organisations.map((o) => ({ value: o.organisationId, label: o.name }))}
          onChange={setOrganisationId}
        />
        <RadioGroup
          legend={t("signIn.dev.role")}
          name="role"
          value={role}
          choices={directory.roles.map((r) => ({
            value: r,
            label: t(`role.${r}` as Parameters<typeof t>[0]),
          }))}
          onChange={setRole}
        />
        <Button type="submit" appearance="primary-action-button">
          {t("signIn.dev.submit")}
        </Button>
      </form>
    </section>
  );
}

export function SignIn() {
  const { t } = useI18n();
  const { settings } = useSession();
  const [busy, setBusy] = useState(false);
  const oidc = settings.oidc;
  const startOidc = async () => {
    if (!oidc) return;
    setBusy(true);
    await (await userManager(oidc)).signinRedirect();
  };
  return (
    <main id="inhoud" className="console-main console-sign-in">
      <ScreenTitle title={t("signIn.title")} intro={t("signIn.intro")} />
      {oidc && (
        <Button appearance="primary-action-button" busy={busy} onClick={startOidc}>
          {busy ? t("signIn.busy") : t("signIn.withIssuer")}
        </Button>
      )}
      {settings.devSignIn && <DevSignIn />}
      {!oidc && !settings.devSignIn && (
        <Alert type="error">
          <Paragraph>{t("signIn.none")}</Paragraph>
        </Alert>
      )}
    </main>
  );
}
