import type { ShareInformation } from "../../../src/domain/index.js";
import { actor, command, NECESSITY, ORG } from "../fixtures.js";

export const school = actor(ORG.school, "professional");
export const police = actor(ORG.police, "professional");

/** A lawful share: the school gives the wijkteam signals and school data under its public task. */
export const share = (fields: Partial<ShareInformation> = {}) =>
  command<ShareInformation>({
    type: "ShareInformation",
    actor: school,
    shareId: "share-1",
    recipients: [ORG.wijkteam],
    dataCategories: ["signaal", "school"],
    legalBasisId: "avg-6-1-e-publieke-taak",
    purposeId: "veiligheid-school",
    necessity: NECESSITY,
    content:
      "Sam is sinds januari vaak afwezig op maandag en lijkt bang voor een groep ouderejongeren.",
    ...fields,
  });

export const policeShare = (fields: Partial<ShareInformation> = {}) =>
  share({
    actor: police,
    recipients: [ORG.wijkteam],
    dataCategories: ["politiegegevens"],
    legalBasisId: "wpg-20",
    decisionReference: "ZVH-besluit 2024/17",
    weightyPublicInterest: "Voorkomen van ernstige strafbare feiten tegen de jeugdige",
    ...fields,
  });
