import { handleCovenantCommand } from "../commands/covenants.js";
import { type Actor, type CovenantCommand, ROLES } from "../domain/index.js";
import type { DevelopmentWiring } from "../service.js";
import { WrongExpectedRevisionError } from "../store/errors.js";
import { START } from "../store/types.js";
import type { System } from "../system.js";
import { DEMO_COVENANT_NAME, demoPurposes, demoSharingRules } from "./covenant.js";
import {
  DEMO_COVENANT_ID,
  demoChair,
  demoDirectory,
  demoMembers,
  demoOrganisations,
} from "./organisations.js";

/** Who establishes the demo covenant: an admin of the chair organisation, as the domain requires. */
const seedActor: Actor = {
  userId: "demo-seed",
  organisationId: demoOrganisations.samenwerkingsverband,
  roles: ["admin"],
};

/** The commands that establish the demo covenant, in order. */
function demoCovenantCommands(now: string, covenantId = DEMO_COVENANT_ID): CovenantCommand[] {
  const base = { actor: seedActor, now, covenantId };
  return [
    { ...base, type: "EstablishCovenant", name: DEMO_COVENANT_NAME, chair: demoChair },
    ...demoMembers.map((member): CovenantCommand => ({ ...base, type: "AdmitMember", member })),
    ...demoPurposes.flatMap(({ purposeId, description, yearsAfterClosure }): CovenantCommand[] => [
      { ...base, type: "AddPurpose", purposeId, description },
      { ...base, type: "SetRetention", purposeId, yearsAfterClosure },
    ]),
    ...demoSharingRules.map((rule): CovenantCommand => ({ ...base, type: "AddSharingRule", rule })),
  ];
}

/**
 * On an empty store (development only) the service creates the demo covenant, so a first
 * `npm start` can be tried at once with `npm run token`. A store with any event is left alone.
 */
export async function seedDemoCovenantIfEmpty(system: System): Promise<boolean> {
  const { store, logger, resources } = system;
  if ((await store.headPosition()) !== START) return false;
  const [establish, ...rest] = demoCovenantCommands(resources.now());
  try {
    // Several processes may start on one empty store: the one that creates the stream seeds.
    await handleCovenantCommand(resources.commands, establish!, { expectedRevision: -1 });
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError) return false;
    throw error;
  }
  for (const command of rest) await handleCovenantCommand(resources.commands, command);
  logger.info(
    {
      covenantId: DEMO_COVENANT_ID,
      organisations: Object.fromEntries(demoDirectory().map((o) => [o.key, o.organisationId])),
      roles: ROLES,
      mintToken: "npm run token -- --org <organisationId> --role <role>",
      example: `npm run token -- --org ${demoOrganisations.secondarySchool} --role professional`,
    },
    "empty store: created the demo covenant; mint development tokens with npm run token",
  );
  return true;
}

/** The demo as development start-up wires it: its seed, its covenant, its sign-in directory. */
export function demoDevelopment(): DevelopmentWiring {
  return {
    seed: seedDemoCovenantIfEmpty,
    covenantId: DEMO_COVENANT_ID,
    organisations: demoDirectory(),
  };
}
