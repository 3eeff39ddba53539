import type { z } from "zod";
import { catalogue } from "../../domain/index.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import {
  presentDataCategory,
  presentLegalBasis,
  presentLevel,
  presentPartnerKind,
  presentSignalCategory,
} from "./presenters.js";
import {
  dataCategoryView,
  legalBasisView,
  levelView,
  listOf,
  partnerKindView,
  signalCategoryView,
} from "./schemas.js";

/**
 * The shared vocabulary and the legal-basis catalogue. Public: it is the same for every
 * caller, holds no case data, and partner systems need it before they have a token.
 */
function catalogueList<T extends z.ZodType>(
  path: string,
  summary: string,
  item: T,
  id: string,
  items: () => z.input<T>[],
): Route {
  return defineRoute({
    method: "get",
    path,
    summary,
    tags: ["catalogue"],
    public: true,
    responses: { 200: listOf(item, id) },
  }).handle(async () => ({ status: 200, body: { items: items() } }));
}

export function catalogueRoutes(): Route[] {
  return [
    catalogueList(
      "/v1/catalogue/legal-bases",
      "Legal bases a share may rely on, with what each requires",
      legalBasisView,
      "LegalBasisList",
      () => catalogue.legalBases.map(presentLegalBasis),
    ),
    catalogueList(
      "/v1/catalogue/data-categories",
      "Data categories a share may carry",
      dataCategoryView,
      "DataCategoryList",
      () => catalogue.dataCategories.map(presentDataCategory),
    ),
    catalogueList(
      "/v1/catalogue/signal-categories",
      "Signal categories with example behaviours",
      signalCategoryView,
      "SignalCategoryList",
      () => catalogue.signalCategories.map(presentSignalCategory),
    ),
    catalogueList(
      "/v1/catalogue/partner-kinds",
      "Kinds of partner organisations",
      partnerKindView,
      "PartnerKindList",
      () => catalogue.partnerKinds.map(presentPartnerKind),
    ),
    catalogueList(
      "/v1/catalogue/levels",
      "Levels of action of a signal (Handelingskader)",
      levelView,
      "LevelList",
      () => catalogue.levels.map(presentLevel),
    ),
  ];
}
