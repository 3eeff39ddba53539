import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { caseCommandRoute } from "./caseCommandRoute.js";
import { createdSchema } from "./presenters/written.js";
import {
  caseParams,
  correctionBody,
  shareBody,
  shareParams,
  shareSignalBody,
  signalParams,
} from "./schemas.js";

const informationShared = {
  idField: "shareId",
  schema: createdSchema("shareId", "InformationShared"),
};

const shareDescription =
  "Records a disclosure to named recipients under a legal basis. A share that breaks rules is refused with 422 `share-refused` listing every broken rule in `violations` (rule code, offending value, explanation, remedy); nothing is recorded. It expires at the earliest of `expiresAt`, the basis's default term and the expiry of any consent it rests on.";

/** Sharing, revoking and correcting: the lawful-share rules live in the domain. */
export function shareRoutes(deps: ResourceDeps): Route[] {
  const share = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/shares",
    summary: "Share information with named participants",
    description: shareDescription,
    roles: ["professional", "chair"],
    params: caseParams,
    body: shareBody,
    status: 201,
    creates: informationShared,
    moreProblems: ["share_refused"],
    command: ({ body }, shareId) => ({ type: "ShareInformation", shareId, ...body }),
  });

  const shareSignal = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/signals/{signalId}/shares",
    summary: "Share a signal's description with named participants",
    description:
      "Only the chair and the raising organisation read a signal's description. The raiser shares it with others in one step: a share whose content is the description, refused like any other share that breaks a rule.",
    roles: ["professional", "chair"],
    params: signalParams,
    body: shareSignalBody,
    status: 201,
    creates: informationShared,
    moreProblems: ["share_refused"],
    command: ({ params, body }, shareId) => ({
      type: "ShareSignal",
      shareId,
      signalId: params.signalId,
      ...body,
    }),
  });

  const revoke = caseCommandRoute(deps, {
    method: "delete",
    path: "/v1/cases/{caseId}/shares/{shareId}",
    summary: "Revoke a share the caller's organisation made",
    roles: ["professional", "chair"],
    params: shareParams,
    status: 200,
    command: ({ params }) => ({ type: "RevokeShare", shareId: params.shareId }),
  });

  const correct = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/shares/{shareId}/corrections",
    summary: "Correct a share; the correction reaches exactly its recipients",
    roles: ["professional", "chair"],
    params: shareParams,
    body: correctionBody,
    status: 201,
    command: ({ params, body }) => ({ type: "CorrectShare", shareId: params.shareId, ...body }),
  });

  return [share, shareSignal, revoke, correct];
}
