import type { Member } from "../domain/index.js";

/**
 * The demo covenant's fixed ids, so the README, the start-up hint and the demo script can
 * name them. Valid v4 UUIDs whose last digits count the organisations.
 */
export const DEMO_COVENANT_ID = "5c0e0000-0000-4000-8000-000000000001";

export const demoOrganisations = {
  samenwerkingsverband: "0a9a0000-0000-4000-8000-000000000001",
  secondarySchool: "0a9a0000-0000-4000-8000-000000000002",
  primarySchool: "0a9a0000-0000-4000-8000-000000000003",
  police: "0a9a0000-0000-4000-8000-000000000004",
  leerplicht: "0a9a0000-0000-4000-8000-000000000005",
  jongerenwerk: "0a9a0000-0000-4000-8000-000000000006",
  wijkteam: "0a9a0000-0000-4000-8000-000000000007",
  ggd: "0a9a0000-0000-4000-8000-000000000008",
  halt: "0a9a0000-0000-4000-8000-000000000009",
  veiligThuis: "0a9a0000-0000-4000-8000-000000000010",
} as const;

export type DemoOrganisation = keyof typeof demoOrganisations;

const member = (
  key: DemoOrganisation,
  name: string,
  partnerKind: string,
  mailbox: string,
): Member => ({
  organisationId: demoOrganisations[key],
  name,
  partnerKind,
  // Work contacts of each organisation's privacy officer (FG); fictitious addresses.
  privacyOfficer: {
    name: `Functionaris gegevensbescherming ${name}`,
    email: `fg@${mailbox}.example`,
  },
});

/** The chair first: it establishes the covenant and admits the others. */
export const demoChair = member(
  "samenwerkingsverband",
  "Samenwerkingsverband Passend Onderwijs Rivierenland",
  "samenwerkingsverband",
  "swv-rivierenland",
);

export const demoMembers: readonly Member[] = [
  member("secondarySchool", "Het Rivierencollege (vo)", "school-vo", "rivierencollege"),
  member("primarySchool", "Basisschool De Wilgenhoek", "school-po", "wilgenhoek"),
  member("police", "Politie basisteam Rivierenland", "politie", "politie-rivierenland"),
  member("leerplicht", "Leerplicht en RMC Rivierenland", "leerplicht", "leerplicht-rivierenland"),
  member("jongerenwerk", "Jongerenwerk Stroom", "jongerenwerk", "jongerenwerk-stroom"),
  member("wijkteam", "Wijkteam Centrum-Oost", "wijkteam", "wijkteam-centrum-oost"),
  member("ggd", "GGD Rivierenland, jeugdgezondheidszorg", "ggd", "ggd-rivierenland"),
  member("halt", "Halt, regio Rivierenland", "halt", "halt-rivierenland"),
  member("veiligThuis", "Veilig Thuis Rivierenland", "veilig-thuis", "veiligthuis-rivierenland"),
];

/** Organisation ids by name, for the start-up hint and the demo's printout. */
export function demoDirectory(): { key: DemoOrganisation; organisationId: string; name: string }[] {
  return [demoChair, ...demoMembers].map((entry) => ({
    key: (Object.keys(demoOrganisations) as DemoOrganisation[]).find(
      (key) => demoOrganisations[key] === entry.organisationId,
    )!,
    organisationId: entry.organisationId,
    name: entry.name,
  }));
}
