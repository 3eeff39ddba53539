import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { en } from "./en";
import { type MessageKey, nl } from "./nl";

export type Locale = "nl" | "en";
const dictionaries: Record<Locale, Record<MessageKey, string>> = { nl, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  t: Translate;
  setLocale(locale: Locale): void;
  /** Picks the locale's side of a catalogue entry's `{ nl, en }`. */
  pick(text: { nl: string; en: string }): string;
  formatDate(iso: string): string;
  formatDateTime(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, values = {}) =>
    dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** Dutch first; the choice lives in memory only, like everything else the console holds. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>("nl");
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(() => {
    const tag = locale === "nl" ? "nl-NL" : "en-GB";
    const date = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "Europe/Amsterdam" });
    const dateTime = new Intl.DateTimeFormat(tag, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Europe/Amsterdam",
    });
    return {
      locale,
      t: translator(locale),
      setLocale,
      pick: (text) => text[locale],
      formatDate: (iso) => date.format(new Date(iso)),
      formatDateTime: (iso) => dateTime.format(new Date(iso)),
    };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n needs an I18nProvider");
  return context;
}
