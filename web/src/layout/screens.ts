import { type ComponentType, lazy } from "react";
import type { Role } from "../auth/claims";
import type { MessageKey } from "../i18n/nl";

/** One screen: where it lives, who may open it, and its navigation label if it has one. */
export interface Screen {
  path: string;
  roles: readonly Role[];
  nav?: MessageKey;
  component: ComponentType;
}

// Part B adds the worklist, sessions, subject matches and themes here: one entry each.
export const screens: readonly Screen[] = [
  // First, so it is where partners and chairs land after signing in.
  {
    path: "/werklijst",
    roles: ["professional", "chair"],
    nav: "nav.worklist",
    component: lazy(() => import("../worklist/Worklist")),
  },
  {
    path: "/casussen",
    roles: ["professional", "chair"],
    nav: "nav.cases",
    component: lazy(() => import("../cases/CaseList")),
  },
  {
    path: "/casussen/nieuw",
    roles: ["professional", "chair"],
    nav: "nav.raiseSignal",
    component: lazy(() => import("../cases/RaiseSignal")),
  },
  {
    path: "/casussen/:caseId",
    roles: ["professional", "chair"],
    component: lazy(() => import("../cases/CaseDetail")),
  },
  {
    path: "/casussen/:caseId/delen",
    roles: ["professional", "chair"],
    component: lazy(() => import("../share/ShareForm")),
  },
  {
    path: "/sessies",
    roles: ["professional", "chair"],
    nav: "nav.sessions",
    component: lazy(() => import("../sessions/SessionList")),
  },
  {
    path: "/sessies/:sessionId",
    roles: ["professional", "chair"],
    component: lazy(() => import("../sessions/SessionDetail")),
  },
  {
    path: "/sessies/:sessionId/agenda/:itemId",
    roles: ["professional", "chair"],
    component: lazy(() => import("../sessions/AgendaItemRun")),
  },
  {
    path: "/afspraken",
    roles: ["professional", "chair"],
    nav: "nav.agreements",
    component: lazy(() => import("../agreements/Agreements")),
  },
  {
    path: "/casussen/:caseId/afspraken/:agreementId",
    roles: ["professional", "chair"],
    component: lazy(() => import("../agreements/AgreementUpdate")),
  },
  {
    path: "/casussen/:caseId/partners",
    roles: ["chair"],
    component: lazy(() => import("../chair/CaseTools")),
  },
  {
    path: "/casussen/:caseId/toestemming",
    roles: ["professional", "chair"],
    component: lazy(() => import("../chair/RecordConsent")),
  },
  {
    path: "/koppelingen",
    roles: ["chair"],
    nav: "nav.matches",
    component: lazy(() => import("../chair/PossibleMatches")),
  },
  {
    path: "/privacy/verstrekkingen",
    roles: ["privacy-officer"],
    nav: "nav.disclosures",
    component: lazy(() => import("../audit/DisclosureRegister")),
  },
  {
    path: "/privacy/raadplegingen",
    roles: ["privacy-officer"],
    nav: "nav.accessLog",
    component: lazy(() => import("../audit/AccessLog")),
  },
  {
    path: "/privacy/zicht",
    roles: ["privacy-officer"],
    nav: "nav.visibility",
    component: lazy(() => import("../privacy/VisibilityTimeline")),
  },
  {
    path: "/privacy/inzage",
    roles: ["privacy-officer"],
    nav: "nav.subjectReport",
    component: lazy(() => import("../privacy/SubjectAccessReport")),
  },
  {
    path: "/privacy/wissen",
    roles: ["privacy-officer"],
    nav: "nav.erasure",
    component: lazy(() => import("../privacy/SubjectErasure")),
  },
  {
    path: "/privacy/integriteit",
    roles: ["privacy-officer"],
    nav: "nav.integrity",
    component: lazy(() => import("../privacy/IntegrityStatus")),
  },
  {
    path: "/trends",
    roles: ["chair", "analyst"],
    nav: "nav.trends",
    component: lazy(() => import("../trends/Trends")),
  },
];

export const screensFor = (roles: readonly Role[]) =>
  screens.filter((screen) => screen.roles.some((role) => roles.includes(role)));
