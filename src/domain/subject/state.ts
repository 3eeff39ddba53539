import type { SubjectEvent } from "./events.js";

export type SubjectState = { erased: boolean; erasedAt: string | null };

export const initialSubjectState: SubjectState = { erased: false, erasedAt: null };

export function evolveSubject(state: SubjectState, event: SubjectEvent): SubjectState {
  switch (event.type) {
    case "SubjectErased":
      return { ...state, erased: true, erasedAt: event.data.erasedAt };
  }
}
