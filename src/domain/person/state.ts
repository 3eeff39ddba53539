import type { PersonEvent } from "./events.js";
import { applyPersonEvent, PersonLinks } from "./links.js";

/** The covenant's merges, folded from its persons stream. */
export type PersonState = { links: PersonLinks };

export const initialPersonState: PersonState = { links: new PersonLinks() };

// The fold copies, so the shared initial state is never changed.
export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  const links = state.links.copy();
  applyPersonEvent(links, event.type, event.data);
  return { links };
}
