import { activeMember } from "../covenant/state.js";
import { isCalendarDate } from "../dates.js";
import { Conflict, InvalidCommand, NotFound } from "../domainError.js";
import { type IdentitySource, identityFrom } from "../identity/identity.js";
import { requireText } from "../text.js";
import type { RaiseSignal } from "./commands.js";
import type { CaseContext } from "./context.js";
import type { CaseEvent, Subject } from "./events.js";
import { requireContact, requireJoined, requireOpenCase, requireRole } from "./guards.js";
import type { CaseState } from "./state.js";

/** The subject as recorded; an identity in parts (rule 9) is checked as identityFrom does. */
function requireSubject(subject: Subject | undefined, source: IdentitySource): Subject {
  if (!subject) throw new InvalidCommand("subject-required");
  requireText(subject.name, "subject-required");
  requireText(subject.school, "subject-required");
  if (!isCalendarDate(subject.dateOfBirth)) throw new InvalidCommand("subject-date-of-birth");
  const { name, dateOfBirth, school } = subject;
  const inParts = IDENTITY_PARTS.some((part) => subject[part] !== undefined);
  if (!inParts) return { name, dateOfBirth, school };
  const { dateOfBirth: _same, ...identity } = identityFrom(subject, source);
  return { name, dateOfBirth, school, ...identity };
}

const IDENTITY_PARTS = ["givenNames", "tussenvoegsel", "surname", "bsn", "schoolId"] as const;

type SignalFields = Pick<
  RaiseSignal,
  "actor" | "covenantId" | "category" | "level" | "urgency" | "description"
>;

/** A signal from a member of the covenant, in the catalogue's terms, with a description. */
export function requireSignalFields(command: SignalFields, { covenant, catalogue }: CaseContext) {
  requireRole(command.actor, "raise-signal-role", "professional", "chair");
  // A covenant the actor's organisation is no member of answers as one that does not exist (rule 1).
  const known =
    covenant.status === "established" &&
    covenant.covenantId === command.covenantId &&
    activeMember(covenant, command.actor.organisationId) !== undefined;
  if (!known) throw new NotFound("covenant-exists", command.covenantId);
  if (!catalogue.signalCategories.some((c) => c.id === command.category)) {
    throw new InvalidCommand("signal-category", command.category);
  }
  if (!catalogue.levels.some((l) => l.id === command.level)) {
    throw new InvalidCommand("signal-level", command.level);
  }
  if (!["low", "medium", "high"].includes(command.urgency)) {
    throw new InvalidCommand("signal-urgency", String(command.urgency));
  }
  requireText(command.description, "signal-description");
}

/** Any covenant member raises a concern; the first one opens the case. */
export function raiseSignal(
  command: RaiseSignal,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const { actor, now, caseId } = command;
  requireSignalFields(command, context);
  const { covenant } = context;

  const opening = state.status === "none";
  if (!opening) {
    const existing = requireOpenCase(state, caseId);
    if (existing.covenantId !== command.covenantId)
      throw new Conflict("case-covenant", command.covenantId);
    requireJoined(state, actor.organisationId, "participant-only");
  }
  const subjectId = opening ? command.subjectId : (state.subjectId as string);
  const events: CaseEvent[] = [];
  if (opening) {
    requireText(command.subjectId, "subject-id-required");
    events.push({
      type: "CaseOpened",
      data: {
        caseId,
        subjectId,
        covenantId: command.covenantId,
        chairOrganisationId: covenant.chairOrganisationId as string,
        subject: requireSubject(command.subject, {
          covenant,
          organisationId: actor.organisationId,
        }),
        openedBy: actor.organisationId,
        contact: requireContact(command.contact),
        openedAt: now,
      },
    });
  }
  events.push({
    type: "SignalRaised",
    data: {
      caseId,
      subjectId,
      signalId: command.signalId,
      raisedBy: actor.organisationId,
      category: command.category,
      level: command.level,
      urgency: command.urgency,
      description: command.description,
      raisedAt: now,
    },
  });
  return events;
}
