import {
  Button,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from "@utrecht/component-library-react";
import { type ReactNode, useEffect } from "react";
import { Link, useLocation } from "wouter";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useI18n } from "../i18n/i18n";
import { screensFor } from "./screens";

function Navigation() {
  const { session } = useSignedIn();
  const { t } = useI18n();
  const [location] = useLocation();
  const items = screensFor(session.roles).filter((screen) => screen.nav);
  return (
    <nav aria-label={t("nav.label")} className="console-nav">
      <ul className="utrecht-nav-list">
        {items.map((screen) => (
          <li key={screen.path} className="utrecht-nav-list__item">
            <Link
              href={screen.path}
              className="utrecht-nav-list__link"
              aria-current={location === screen.path ? "page" : undefined}
            >
              {t(screen.nav!)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Moves focus to the new screen's heading, so a screen reader hears where it landed. */
function useFocusOnNavigation() {
  const [location] = useLocation();
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>("#inhoud h1");
    if (heading && location) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
    }
  }, [location]);
}

export function Shell({ children }: { children: ReactNode }) {
  const { session, signOut } = useSignedIn();
  const { t, locale, setLocale } = useI18n();
  const { organisationName } = useReference();
  const [, navigate] = useLocation();
  useFocusOnNavigation();
  const role = session.roles[0]!;
  return (
    <div className="console-page">
      <SkipLink href="#inhoud">{t("skip.toContent")}</SkipLink>
      <PageHeader className="console-header">
        <div className="console-header__bar">
          <Link href="/" className="console-brand">
            {t("app.name")}
          </Link>
          <Paragraph className="console-header__who">
            {t("session.signedInAs", {
              role: t(`role.${role}` as const),
              organisation: organisationName(session.organisationId),
            })}
          </Paragraph>
          <div className="console-header__actions">
            <Button
              appearance="subtle-button"
              lang={locale === "nl" ? "en" : "nl"}
              onClick={() => setLocale(locale === "nl" ? "en" : "nl")}
            >
              {t("language.switch")}
            </Button>
            <Button
              appearance="secondary-action-button"
              onClick={() => signOut().then(() => navigate("/aanmelden"))}
            >
              {t("session.signOut")}
            </Button>
          </div>
        </div>
        <Navigation />
      </PageHeader>
      <PageContent>
        <main id="inhoud" className="console-main">
          {children}
        </main>
      </PageContent>
      <PageFooter className="console-footer">
        <Paragraph>{t("app.tagline")}</Paragraph>
      </PageFooter>
    </div>
  );
}
