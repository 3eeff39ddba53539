import { z } from "zod";
import { type Actor, activeMember } from "../domain/index.js";
import {
  DEFAULT_PURPOSE_OF_USE,
  STATUTORY_PURPOSES_OF_USE,
} from "../privacy/processing/activities.js";
import { HttpProblem } from "./http/problems.js";
import type { ResourceDeps } from "./resources.js";

const HEADER = "purpose-of-use";

/** The query parameter a reader states its purpose with; the Purpose-Of-Use header says the same. */
export const purposeOfUseField = {
  purposeOfUse: z
    .string()
    .max(64)
    .optional()
    .describe(
      "Why the caller reads (also as header Purpose-Of-Use): one of the covenant's purposes, `inzageverzoek`, `toezicht` or `calamiteit`; default the route's own: `casusoverleg` for case work, `werkgroep` for themes. Recorded with the read.",
    ),
};
export const purposeOfUseQuery = z.object(purposeOfUseField);

const refused = (where: "query" | "header", message: string) => {
  const path = where === "query" ? "/purposeOfUse" : "/Purpose-Of-Use";
  return new HttpProblem("validation", "The purpose of use is not one the reader may state", {
    errors: [{ in: where, path, message }],
  });
};

/** The purposes of every covenant the reader's organisation is a member of now. */
function covenantPurposes(deps: ResourceDeps, reader: Actor): Set<string> {
  const { register } = deps.readModels.processingLog;
  const purposes = new Set<string>();
  for (const covenant of register.covenants()) {
    if (!activeMember(covenant, reader.organisationId)) continue;
    for (const { purposeId } of Object.values(covenant.purposes)) purposes.add(purposeId);
  }
  return purposes;
}

/** A request a reader may state its purpose on: the query parameter or the header. */
export type StatingRequest = {
  caller: Actor;
  query?: unknown;
  header(name: string): string | undefined;
};

/**
 * The purpose a reader states for a read (issue 13), from `purposeOfUse` or the Purpose-Of-Use
 * header; `unstated` (the route's own purpose, `casusoverleg` for case work) when it states none. Anything else than its covenants' purposes or
 * the statutory ones is a 400 naming the field: the purpose is a code, never free text.
 */
export function statedPurposeOfUse(
  deps: ResourceDeps,
  request: StatingRequest,
  unstated: string = DEFAULT_PURPOSE_OF_USE,
): string {
  const query = request.query as { purposeOfUse?: string } | undefined;
  const fromQuery = query?.purposeOfUse;
  const fromHeader = request.header(HEADER);
  if (fromQuery !== undefined && fromHeader !== undefined && fromQuery !== fromHeader) {
    throw refused("header", "differs from the purposeOfUse query parameter");
  }
  const stated = fromQuery ?? fromHeader;
  if (stated === undefined || stated === unstated) return unstated;
  if (stated === DEFAULT_PURPOSE_OF_USE) return stated;
  const where = fromQuery !== undefined ? "query" : "header";
  const statutory: readonly string[] = STATUTORY_PURPOSES_OF_USE;
  if (statutory.includes(stated) || covenantPurposes(deps, request.caller).has(stated)) {
    return stated;
  }
  throw refused(
    where,
    "not a purpose of the caller's covenants, inzageverzoek, toezicht or calamiteit",
  );
}
