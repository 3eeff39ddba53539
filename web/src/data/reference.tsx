import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useI18n } from "../i18n/i18n";
import { useLoad } from "./useLoad";

export interface Reference {
  covenantId: string | null;
  covenant: Schemas["Covenant"] | null;
  legalBases: Schemas["LegalBasis"][];
  dataCategories: Schemas["DataCategory"][];
  signalCategories: Schemas["SignalCategory"][];
  levels: Schemas["Level"][];
  organisationName(organisationId: string): string;
  signalCategoryLabel(id: string | null): string;
  dataCategoryLabel(id: string): string;
  purposeLabel(id: string): string;
}

const Context = createContext<Reference | null>(null);

/** The catalogue and the covenant, loaded once after sign-in: names for the ids the API returns. */
export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { api, settings } = useSignedIn();
  const { pick } = useI18n();
  const covenantId = settings.covenantId;
  const [catalogue] = useLoad(async () => {
    const [bases, categories, signals, levels] = await Promise.all([
      api.GET("/v1/catalogue/legal-bases"),
      api.GET("/v1/catalogue/data-categories"),
      api.GET("/v1/catalogue/signal-categories"),
      api.GET("/v1/catalogue/levels"),
    ]);
    const data =
      bases.data && categories.data && signals.data && levels.data
        ? {
            bases: bases.data,
            categories: categories.data,
            signals: signals.data,
            levels: levels.data,
          }
        : undefined;
    return { data, response: bases.response };
  }, [api]);
  const [covenant] = useLoad(async () => {
    if (!covenantId) return { data: null, response: new Response(null, { status: 204 }) };
    return api.GET("/v1/covenants/{covenantId}", { params: { path: { covenantId } } });
  }, [api, covenantId]);

  const value = useMemo<Reference | null>(() => {
    if (catalogue.state !== "loaded") return null;
    const { bases, categories, signals, levels } = catalogue.value;
    const members = covenant.state === "loaded" ? (covenant.value?.members ?? []) : [];
    const names = new Map(members.map((member) => [member.organisationId, member.name]));
    const purposes = covenant.state === "loaded" ? (covenant.value?.purposes ?? []) : [];
    return {
      covenantId,
      covenant: covenant.state === "loaded" ? covenant.value : null,
      legalBases: bases.items,
      dataCategories: categories.items,
      signalCategories: signals.items,
      levels: levels.items,
      organisationName: (id) => names.get(id) ?? id,
      signalCategoryLabel: (id) => {
        const found = signals.items.find((item) => item.id === id);
        return found ? pick(found.label) : (id ?? "—");
      },
      dataCategoryLabel: (id) => {
        const found = categories.items.find((item) => item.id === id);
        return found ? pick(found.label) : id;
      },
      purposeLabel: (id) => purposes.find((purpose) => purpose.purposeId === id)?.description ?? id,
    };
  }, [catalogue, covenant, covenantId, pick]);

  if (!value) return null;
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useReference(): Reference {
  const context = useContext(Context);
  if (!context) throw new Error("useReference needs a ReferenceProvider");
  return context;
}
