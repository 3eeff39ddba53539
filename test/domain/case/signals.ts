import type { RaiseSignal } from "../../../src/domain/index.js";
import { actor, CONTACT, COVENANT_ID, command, ORG, SUBJECT, SUBJECT_ID } from "../fixtures.js";

/** The school raises a signal about the subject: as the first signal, it opens the case. */
export const raiseSignal = (fields: Partial<RaiseSignal> = {}) =>
  command<RaiseSignal>({
    type: "RaiseSignal",
    actor: actor(ORG.school, "professional"),
    signalId: "sig-1",
    subjectId: SUBJECT_ID,
    covenantId: COVENANT_ID,
    subject: SUBJECT,
    contact: CONTACT,
    category: "polarisatie",
    level: "preventie",
    urgency: "medium",
    description: "Scheldt klasgenoten uit om hun geloof en sluit hen buiten in groepsopdrachten.",
    ...fields,
  });
