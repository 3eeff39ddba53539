import type { z } from "zod";
import type { ProblemKind } from "../http/problems.js";
import {
  defineRoute,
  type Route,
  type RouteRequest,
  type RouteSpec,
} from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import { type CaseCommandFields, runCaseCommand } from "./caseCommands.js";
import { caseTags, caseWriteProblems } from "./caseRouteDefaults.js";
import { caseWrittenSchema, presentWrite } from "./presenters/written.js";

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The validated request a case command route's command is built from. */
export type CaseCommandRequest<P, B> = RouteRequest<Output<P>, undefined, Output<B>>;

export interface CaseCommandRouteSpec<
  P extends z.ZodType<{ caseId: string }>,
  B extends z.ZodType | undefined,
> extends Omit<RouteSpec<P, undefined, B, never>, "tags" | "query" | "responses" | "problems"> {
  params: P;
  /** 201 for a write that adds to the case, 200 for one that changes or removes. */
  status: 200 | 201;
  /** Beyond the problems every case write can answer with. */
  moreProblems?: readonly ProblemKind[];
  /** The item the command creates: its id, generated per request under this label, answered with the write. */
  creates?: { idField: string; schema: z.ZodType };
  /** The one command the route issues; `createdId` is the new item's id when the route `creates`. */
  command(
    request: CaseCommandRequest<P, B>,
    createdId: string,
  ): CaseCommandFields | Promise<CaseCommandFields>;
}

/**
 * Declares a route that issues one case command and answers with where the case stands:
 * the declaration plus the command, so every case write refuses, hides and answers alike.
 */
export function caseCommandRoute<
  P extends z.ZodType<{ caseId: string }>,
  B extends z.ZodType | undefined = undefined,
>(deps: ResourceDeps, spec: CaseCommandRouteSpec<P, B>): Route {
  const { status, moreProblems = [], creates, command, ...declared } = spec;
  return defineRoute({
    ...declared,
    tags: caseTags,
    responses: { [status]: creates?.schema ?? caseWrittenSchema },
    problems: [...caseWriteProblems, ...moreProblems],
  }).handle(async (request) => {
    const { caseId } = request.params as { caseId: string };
    const createdId = creates ? request.newId(creates.idField) : "";
    const created = creates ? { [creates.idField]: createdId } : {};
    const fields = await command(request as CaseCommandRequest<P, B>, createdId);
    const written = await runCaseCommand(deps, request, caseId, fields);
    return presentWrite(status, caseId, written, created);
  });
}
