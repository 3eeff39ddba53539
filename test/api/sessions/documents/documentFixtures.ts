import type {
  AgendaDocument,
  MinutesDocument,
  SessionHeader,
} from "../../../../src/api/sessions/documents/documentView.js";

/** A held session of three young people; the reader (the police) attended only the second. */
export const header: SessionHeader = {
  sessionId: "6f1c2a9e-1111-4c4c-8888-0123456789ab",
  tableName: "Veilig Schoolklimaat Noord",
  startsAt: "2026-03-02T13:00:00Z",
  endsAt: "2026-03-02T15:00:00Z",
  place: { kind: "location", address: "Stadhuis, zaal 3" },
  chairOrganisation: "Samenwerkingsverband Noord",
  plannedOrganisations: ["Politie Noord", "Leerplicht", "Het Lyceum"],
  status: "held",
};

export const visible = {
  subject: "Yıldız Şahin",
  question: "Hoe houden we haar uit het netwerk van de oudere jongens?",
  minutes: "De wijkagent herkent de zorgen; Zoë van der Berg (mentor) belt de ouders.",
  decision: "Regie blijft bij het wijkteam",
  agreement: "Huisbezoek samen met leerplicht",
};

export const minutesForPolice: MinutesDocument = {
  header,
  readerOrganisation: "Politie Noord",
  producedAt: "2026-03-05T09:00:00Z",
  items: [
    { position: 1, outcome: "not-attended" },
    {
      position: 2,
      outcome: "attended",
      subject: visible.subject,
      question: visible.question,
      minutes: { text: visible.minutes, approved: true, addenda: ["Ouders zijn bereikt."] },
      decisions: [visible.decision],
      agreements: [
        {
          what: visible.agreement,
          ownerOrganisation: "Politie Noord",
          ownerName: "J. Bakker",
          dueDate: "2026-03-16",
        },
      ],
    },
    { position: 3, outcome: "not-discussed" },
  ],
};

export const agendaForPolice: AgendaDocument = {
  header: { ...header, status: "planned" },
  readerOrganisation: "Politie Noord",
  producedAt: "2026-02-20T09:00:00Z",
  items: [
    { position: 1, subject: visible.subject, question: visible.question },
    { position: 2, subject: "Zoë Ærø", question: "Wie neemt de regie?" },
  ],
};
