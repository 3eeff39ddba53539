import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { runCaseCommand } from "./caseCommands.js";
import { caseTags, caseWriteProblems } from "./caseRouteDefaults.js";
import { caseWrittenSchema, createdSchema, presentWrite } from "./presenters/written.js";
import {
  caseParams,
  correctionBody,
  shareBody,
  shareParams,
  shareSignalBody,
  signalParams,
} from "./schemas.js";

const informationShared = createdSchema("shareId", "InformationShared");

const shareDescription =
  "Records a disclosure to named recipients under a legal basis. A share that breaks rules is refused with 422 `share-refused` listing every broken rule in `violations` (rule code, offending value, explanation, remedy); nothing is recorded. It expires at the earliest of `expiresAt`, the basis's default term and the expiry of any consent it rests on.";

/** Sharing, revoking and correcting: the lawful-share rules live in the domain. */
export function shareRoutes(deps: ResourceDeps): Route[] {
  const share = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/shares",
    summary: "Share information with named participants",
    description: shareDescription,
    tags: caseTags,
    roles: ["professional", "chair"],
    params: caseParams,
    body: shareBody,
    responses: { 201: informationShared },
    problems: [...caseWriteProblems, "share_refused"],
  }).handle(async (request) => {
    const { caseId } = request.params;
    const shareId = request.newId("shareId");
    const written = await runCaseCommand(deps, request, caseId, {
      type: "ShareInformation",
      shareId,
      ...request.body,
    });
    return presentWrite(201, caseId, written, { shareId });
  });

  const shareSignal = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/signals/{signalId}/shares",
    summary: "Share a signal's description with named participants",
    description:
      "Only the chair and the raising organisation read a signal's description. The raiser shares it with others in one step: a share whose content is the description, refused like any other share that breaks a rule.",
    tags: caseTags,
    roles: ["professional", "chair"],
    params: signalParams,
    body: shareSignalBody,
    responses: { 201: informationShared },
    problems: [...caseWriteProblems, "share_refused"],
  }).handle(async (request) => {
    const { caseId, signalId } = request.params;
    const shareId = request.newId("shareId");
    const written = await runCaseCommand(deps, request, caseId, {
      type: "ShareSignal",
      shareId,
      signalId,
      ...request.body,
    });
    return presentWrite(201, caseId, written, { shareId });
  });

  const revoke = defineRoute({
    method: "delete",
    path: "/v1/cases/{caseId}/shares/{shareId}",
    summary: "Revoke a share the caller's organisation made",
    tags: caseTags,
    roles: ["professional", "chair"],
    params: shareParams,
    responses: { 200: caseWrittenSchema },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId, shareId } = request.params;
    const written = await runCaseCommand(deps, request, caseId, { type: "RevokeShare", shareId });
    return presentWrite(200, caseId, written, {});
  });

  const correct = defineRoute({
    method: "post",
    path: "/v1/cases/{caseId}/shares/{shareId}/corrections",
    summary: "Correct a share; the correction reaches exactly its recipients",
    tags: caseTags,
    roles: ["professional", "chair"],
    params: shareParams,
    body: correctionBody,
    responses: { 201: caseWrittenSchema },
    problems: caseWriteProblems,
  }).handle(async (request) => {
    const { caseId, shareId } = request.params;
    const written = await runCaseCommand(deps, request, caseId, {
      type: "CorrectShare",
      shareId,
      ...request.body,
    });
    return presentWrite(201, caseId, written, {});
  });

  return [share, shareSignal, revoke, correct];
}
