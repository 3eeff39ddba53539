import { Suspense } from "react";
import { Redirect, Route, Switch } from "wouter";
import { CALLBACK_PATH } from "./auth/oidc";
import { useSession } from "./auth/session";
import { ReferenceProvider } from "./data/reference";
import { useI18n } from "./i18n/i18n";
import { NotFound } from "./layout/Screen";
import { Shell } from "./layout/Shell";
import { screensFor } from "./layout/screens";
import { Callback } from "./signIn/Callback";
import { SignIn } from "./signIn/SignIn";

function SignedInConsole() {
  const { session } = useSession();
  const { t } = useI18n();
  if (!session) return <Redirect to="/aanmelden" replace />;
  const mine = screensFor(session.roles);
  const home = mine.find((screen) => screen.nav)?.path;
  return (
    <ReferenceProvider>
      <Shell>
        <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
          <Switch>
            {home && <Route path="/">{() => <Redirect to={home} replace />}</Route>}
            {mine.map((screen) => (
              <Route key={screen.path} path={screen.path} component={screen.component} />
            ))}
            <Route component={NotFound} />
          </Switch>
        </Suspense>
      </Shell>
    </ReferenceProvider>
  );
}

export function App() {
  return (
    <Switch>
      <Route path="/aanmelden" component={SignIn} />
      <Route path={CALLBACK_PATH} component={Callback} />
      <Route component={SignedInConsole} />
    </Switch>
  );
}
