import type { Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { caseCommandRoute } from "./caseCommandRoute.js";
import { createdSchema } from "./presenters/written.js";
import {
  agreementBody,
  agreementParams,
  caseParams,
  completionBody,
  dueDateChangeBody,
  progressNoteBody,
  reasonBody,
} from "./schemas.js";

const agreementMade = createdSchema("agreementId", "AgreementMade");
const progressNoted = createdSchema("noteId", "AgreementProgressNoted");

/** Agreements: the chair records them; the owner follows them up; the owner (or the chair) completes them. */
export function agreementRoutes(deps: ResourceDeps): Route[] {
  const make = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/agreements",
    summary: "Record an agreement: what, which participant and who in it, by when (chair)",
    roles: ["chair"],
    params: caseParams,
    body: agreementBody,
    status: 201,
    creates: { idField: "agreementId", schema: agreementMade },
    command: ({ body }, agreementId) => ({ type: "MakeAgreement", agreementId, ...body }),
  });

  const moveDueDate = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/agreements/{agreementId}/due-date-changes",
    summary: "Move an agreement's due date, with a reason (owner or chair)",
    roles: ["professional", "chair"],
    params: agreementParams,
    body: dueDateChangeBody,
    status: 201,
    command: ({ params, body }) => ({
      type: "ChangeAgreementDueDate",
      agreementId: params.agreementId,
      ...body,
    }),
  });

  const noteProgress = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/agreements/{agreementId}/progress-notes",
    summary: "Write how the follow-up is going (owner)",
    roles: ["professional", "chair"],
    params: agreementParams,
    body: progressNoteBody,
    status: 201,
    creates: { idField: "noteId", schema: progressNoted },
    command: ({ params, body }, noteId) => ({
      type: "NoteAgreementProgress",
      agreementId: params.agreementId,
      noteId,
      note: body.note,
    }),
  });

  const complete = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/agreements/{agreementId}/completion",
    summary: "Report an agreement done, with an optional note (owner or chair)",
    roles: ["professional", "chair"],
    params: agreementParams,
    body: completionBody,
    status: 201,
    command: ({ params, body }) => ({
      type: "CompleteAgreement",
      agreementId: params.agreementId,
      note: body?.note ?? null,
    }),
  });

  const cancel = caseCommandRoute(deps, {
    method: "post",
    path: "/v1/cases/{caseId}/agreements/{agreementId}/cancellation",
    summary: "Cancel an agreement, with a reason (chair)",
    roles: ["chair"],
    params: agreementParams,
    body: reasonBody,
    status: 201,
    command: ({ params, body }) => ({
      type: "CancelAgreement",
      agreementId: params.agreementId,
      reason: body.reason,
    }),
  });

  return [make, moveDueDate, noteProgress, complete, cancel];
}
