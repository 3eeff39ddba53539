import type { RuleText } from "./ruleCodes.js";

const required = (what: string): RuleText => ({
  explanation: `The command must carry ${what}.`,
  remedy: `Fill in ${what} (not blank).`,
});

/**
 * Rules a command breaks on its own terms, whatever the state (DESIGN §4: 422 with every
 * rule, what it means and what would make the command acceptable). Texts hold no values.
 */
export const INVALID_RULE_TEXTS = {
  "command-type": {
    explanation: "The command type is not one this service knows.",
    remedy: "Send one of the documented commands.",
  },
  "member-required": required("the member organisation"),
  "member-organisation": required("the member's organisation id"),
  "member-name": required("the member's name"),
  "partner-kind": {
    explanation: "The partner kind is not in the catalogue.",
    remedy: "Use a partner kind id from /v1/catalogue/partner-kinds.",
  },
  "privacy-officer-contact": required("the name and e-mail of the organisation's privacy officer"),
  "covenant-name": required("the covenant's name"),
  "purpose-id": required("the purpose id"),
  "purpose-description": required("the purpose's description"),
  "sharing-rule-id": required("the sharing rule id"),
  "sharing-rule-recipient-kinds": required("at least one recipient kind"),
  "sharing-rule-data-categories": required("at least one data category"),
  "sharing-rule-legal-bases": required("at least one legal basis"),
  "data-category": {
    explanation: "The data category is not in the catalogue.",
    remedy: "Use a data category id from /v1/catalogue/data-categories.",
  },
  "legal-basis": {
    explanation: "The legal basis is not in the catalogue.",
    remedy: "Use a legal basis id from /v1/catalogue/legal-bases.",
  },
  "retention-years": {
    explanation: "A retention term is a whole number of years from 1 to 100.",
    remedy: "Give a whole number of years between 1 and 100.",
  },
  "case-ids": required("the list of case ids"),
  "erasure-reason": {
    explanation: "An erasure needs one of the recognised reasons.",
    remedy: "Give data-subject-request, unlawful-processing or consent-withdrawn.",
  },
  "case-list-names": {
    explanation: "A case list names the young person by full name or by initials.",
    remedy: "Give name or initials.",
  },
  "merge-reason": {
    explanation: "A merge needs one of the recognised reasons.",
    remedy: "Give same-bsn, same-name-and-birth-date or confirmed-by-partner.",
  },
  "undo-reason": {
    explanation: "Undoing a merge needs one of the recognised reasons.",
    remedy: "Give different-young-persons or merged-in-error.",
  },
  "subject-required": required("the young person's name, date of birth and school"),
  "subject-date-of-birth": {
    explanation: "The young person's date of birth is not a calendar date.",
    remedy: "Give the date of birth as YYYY-MM-DD.",
  },
  "subject-id-required": required("the subject id"),
  "subject-given-names": {
    explanation: "The young person's given names must contain a letter.",
    remedy: "Give the given names as written on the pupil's record.",
  },
  "subject-surname": {
    explanation: "The young person's surname must contain a letter.",
    remedy: "Give the surname, without the tussenvoegsel if there is a field for it.",
  },
  "subject-tussenvoegsel": {
    explanation: "A tussenvoegsel, when given, must contain a letter.",
    remedy: "Give it (van, de, van der, ...) or leave the field out.",
  },
  "subject-school": {
    explanation: "The school must be a school-kind member of the covenant now.",
    remedy: "Give the school's member organisation id, or leave the school out.",
  },
  "bsn-partner-kind": {
    explanation:
      "Only schools, leerplicht, police, wijkteam, jeugdhulp and Veilig Thuis may send a BSN.",
    remedy: "Leave the BSN out; matching then uses name and date of birth.",
  },
  "bsn-format": {
    explanation: "A BSN is exactly nine digits; leading zeros count.",
    remedy: "Send all nine digits as text.",
  },
  "bsn-stand-in": {
    explanation: "This number is a stand-in typed when the BSN is unknown, not a BSN.",
    remedy: "Leave the BSN out.",
  },
  "bsn-elfproef": {
    explanation: "The BSN fails the elfproef: a digit is mistyped or two are swapped.",
    remedy: "Check the number against its source.",
  },
  "signal-category": {
    explanation: "The signal category is not in the catalogue.",
    remedy: "Use a category id from /v1/catalogue/signal-categories.",
  },
  "signal-level": {
    explanation: "The signal level is not in the catalogue.",
    remedy: "Use a level id from /v1/catalogue/levels.",
  },
  "signal-urgency": {
    explanation: "Urgency is low, medium or high.",
    remedy: "Give low, medium or high.",
  },
  "signal-description": required("a description of the signal"),
  "contact-required": required("a contact person with name, function and how to reach them"),
  "share-content": required("the information shared"),
  "correction-reason": required("the reason for the correction"),
  "meeting-time": {
    explanation: "A meeting time is an ISO-8601 instant with an offset.",
    remedy: "Give the time as e.g. 2030-01-01T10:00:00Z.",
  },
  "meeting-agenda": required("the meeting's agenda"),
  "meeting-attendees": required("at least one attendee"),
  "confidentiality-acknowledged": {
    explanation: "Every attendee must acknowledge the meeting's confidentiality.",
    remedy: "Record the meeting with confidentialityAcknowledged true for every attendee.",
  },
  "meeting-minutes": required("the minutes"),
  "meeting-decisions": required("the list of decisions (it may be empty)"),
  "session-time": {
    explanation:
      "A session starts and ends at ISO-8601 instants with an offset, the end after the start.",
    remedy: "Send startsAt and endsAt as instants, endsAt later than startsAt.",
  },
  "session-place": required("a location or a video link"),
  "session-reason": required("the reason"),
  "agenda-question": required("the question for the table"),
  "agenda-order": {
    explanation: "A new agenda order names every item on the agenda exactly once.",
    remedy: "Send the ids of all the agenda's items, each once, in the new order.",
  },
  "addendum-text": required("the addendum's text"),
  "agreement-what": required("what was agreed"),
  "agreement-due-date": {
    explanation: "The due date is not a calendar date.",
    remedy: "Give the due date as YYYY-MM-DD.",
  },
  "agreement-owner": required("the named owner: name, function and how to reach them"),
  "due-date-reason": required("the reason for moving the due date"),
  "due-date-unchanged": {
    explanation: "The new due date is the agreement's current due date.",
    remedy: "Give a different due date, or leave the agreement as it is.",
  },
  "progress-note": required("the progress note"),
  "completion-note": {
    explanation: "A completion note is text, when given.",
    remedy: "Give the note as text, or leave it out.",
  },
  "cancel-reason": required("the reason for cancelling"),
  "case-outcome": {
    explanation: "The outcome is not one of the recognised outcomes.",
    remedy: "Give resolved, referred, no-further-concern or stopped.",
  },
  "close-reason": required("the reason for closing"),
  "reopen-reason": required("the reason for reopening"),
  "retention-reason": required("the reason for keeping the data longer"),
  "retention-later": {
    explanation: "A retention extension must end later than the current retention.",
    remedy: "Give a retentionUntil after the case's current retention date.",
  },
  "theme-identifies-person": {
    explanation:
      "A theme is about a phenomenon, never about a young person: it takes no field that identifies one.",
    remedy:
      "Leave out the field named; to act on one young person, raise a signal (POST /v1/cases) or open a case from the theme.",
  },
  "theme-bsn": {
    explanation:
      "The text holds a number that passes the BSN elfproef: a theme never names a person.",
    remedy: "Remove the number from the field named.",
  },
  "theme-title": required("the theme's title"),
  "theme-description": required("a description of the phenomenon"),
  "theme-places": required("at least one place: a member organisation or an area's name"),
  "theme-audience": {
    explanation:
      "A theme is visible to the whole covenant, or to the member organisations named (at least one).",
    remedy: "Give kind covenant without organisations, or kind members with the organisations.",
  },
  "theme-minutes": required("the minutes of the theme's discussion"),
  "theme-decisions": required("the list of decisions (it may be empty), each as text"),
  "action-what": required("what the collective action is"),
  "action-due-date": {
    explanation: "The due date is not a calendar date.",
    remedy: "Give the due date as YYYY-MM-DD.",
  },
  "action-outcome": required("the action's outcome"),
  "webhook-url-allowed": {
    explanation:
      "Notifications go only to URLs on the service's allow-list (WEBHOOK_ALLOWED_URLS).",
    remedy: "Use a URL under one of the allowed prefixes, or ask the operator to allow yours.",
  },
} as const satisfies Record<string, RuleText>;

export type InvalidRule = keyof typeof INVALID_RULE_TEXTS;
