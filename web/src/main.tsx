import "@utrecht/component-library-css/dist/index.css";
import "@utrecht/design-tokens/dist/index.css";
import "./console.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { SessionProvider } from "./auth/session";
import { loadSettings } from "./auth/settings";
import { I18nProvider } from "./i18n/i18n";

const root = createRoot(document.getElementById("console")!);
loadSettings().then(
  (settings) =>
    root.render(
      <StrictMode>
        <I18nProvider>
          <SessionProvider settings={settings}>
            <App />
          </SessionProvider>
        </I18nProvider>
      </StrictMode>,
    ),
  () => root.render(<p role="alert">De console kan de service niet bereiken.</p>),
);
