import { DEMO_COVENANT_ID } from "../../src/demo/organisations.js";
import type { Identity } from "../../src/domain/index.js";

const GIVEN = ["Daan", "Sem", "Noah", "Lucas", "Emma", "Julia", "Mila", "Elif", "Mohamed", "Sara"];
const SURNAMES = ["Jansen", "de Vries", "van den Berg", "Bakker", "Özdemir", "El Amrani", "Visser"];

/** Letters only (names hold no digits): n in base 26, a..z. */
function lettersOf(n: number): string {
  let text = "";
  let rest = n;
  do {
    text = String.fromCharCode(97 + (rest % 26)) + text;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return text;
}

const DATES = 4000;

/**
 * The n-th young person of the bench: a given name and surname of their own (letters, at
 * least three, so never read as initials) and a birth date; no two share surname and date.
 */
export function personOf(n: number): Identity {
  const family = `${SURNAMES[n % SURNAMES.length]}${lettersOf(Math.floor(n / DATES) + 676)}`;
  return {
    givenNames: `${GIVEN[n % GIVEN.length]} ${lettersOf(n + 676)}`,
    surname: family,
    dateOfBirth: new Date(Date.UTC(2006, 0, 2 + (n % DATES))).toISOString().slice(0, 10),
  };
}

/**
 * POST /v1/cases about the person, the name in one field as partners sent it before issue 11
 * (intake splits it as identityOfSubject does), so the same requests run on the code before.
 */
export function intakeBody(person: Identity) {
  return {
    covenantId: DEMO_COVENANT_ID,
    subject: {
      name: `${person.givenNames} ${person.surname}`,
      dateOfBirth: person.dateOfBirth,
      school: "Het Rivierencollege",
    },
    contact: { name: "Mentor", function: "mentor", reach: "06-00000000" },
    category: "verzuim",
    level: "preventie",
    urgency: "medium",
    description: "Leerling verzuimt sinds de herfstvakantie structureel op maandag en dinsdag.",
  };
}
