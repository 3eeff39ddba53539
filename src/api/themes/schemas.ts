import { z } from "zod";
import { organisationReference as reference } from "../organisationReference.js";
import { purposeOfUseField } from "../purposeOfUse.js";

// Theme input and output. Every string is bounded and every object strict: a field that would
// identify a young person (subject, bsn, name, dateOfBirth, ...) is refused by name (400).

const text = (max: number) => z.string().trim().min(1).max(max);

export const themeParams = z.object({ themeId: z.uuid() });
export const actionParams = z.object({ themeId: z.uuid(), actionId: z.uuid() });
export const covenantQuery = z.object({ covenant: z.uuid() });
export const themeListQuery = covenantQuery.extend(purposeOfUseField);

export const raiseThemeBody = z
  .strictObject({
    covenantId: reference,
    title: text(200).describe("The phenomenon in a line: never a name"),
    description: text(4000).describe(
      "What is seen, where and when, without anything that identifies a young person (the raiser's responsibility)",
    ),
    category: text(64).describe("A signal category id"),
    level: text(64).describe("A level of the handelingskader"),
    places: z.strictObject({
      organisationIds: z.array(reference).max(50).describe("Member organisations (schools, …)"),
      area: text(200).nullable().optional().describe("A neighbourhood or place, e.g. 'station'"),
    }),
    audience: z
      .strictObject({
        kind: z.enum(["covenant", "members"]),
        organisationIds: z.array(reference).max(50).optional(),
      })
      .default({ kind: "covenant" })
      .describe("The covenant's members (default), or only the members named (the raiser always)"),
  })
  .meta({ id: "RaiseTheme" });

export const themeAgendaBody = z
  .strictObject({ sessionId: z.uuid() })
  .meta({ id: "PutThemeOnAgenda" });

export const themeDiscussionBody = z
  .strictObject({
    sessionId: z.uuid(),
    minutes: text(50_000),
    decisions: z.array(text(2000)).max(50),
  })
  .meta({ id: "RecordThemeDiscussion" });

export const collectiveActionBody = z
  .strictObject({
    sessionId: z.uuid().nullable().optional().describe("The werkgroep session it was agreed at"),
    what: text(2000),
    ownerOrganisationId: reference,
    dueDate: z.iso.date(),
  })
  .meta({ id: "AgreeCollectiveAction" });

export const actionProgressBody = z
  .strictObject({ note: text(4000) })
  .meta({ id: "NoteActionProgress" });

export const actionOutcomeBody = z
  .strictObject({ outcome: text(4000) })
  .meta({ id: "CompleteCollectiveAction" });

export const themeWrittenSchema = z
  .strictObject({
    themeId: z.uuid(),
    revision: z.int(),
    position: z.string(),
    actionId: z.uuid().optional(),
  })
  .meta({ id: "ThemeWritten" });

const action = z.strictObject({
  actionId: z.string(),
  sessionId: z.string().nullable(),
  what: z.string(),
  ownerOrganisationId: z.string(),
  dueDate: z.string().describe("YYYY-MM-DD"),
  agreedAt: z.string(),
  progress: z.array(z.strictObject({ note: z.string(), notedAt: z.string() })),
  outcome: z.string().nullable(),
  completedAt: z.string().nullable(),
});

export const themeViewSchema = z
  .strictObject({
    themeId: z.string(),
    covenantId: z.string(),
    status: z.enum(["raised", "became-case"]),
    raisedBy: z.string(),
    raisedAt: z.string(),
    category: z.string(),
    level: z.string(),
    title: z.string().nullable().describe("Null once the theme became a case"),
    description: z.string().nullable(),
    places: z.strictObject({ organisationIds: z.array(z.string()), area: z.string().nullable() }),
    audience: z.strictObject({
      kind: z.enum(["covenant", "members"]),
      organisationIds: z.array(z.string()),
    }),
    sessionIds: z.array(z.string()).describe("Werkgroep sessions with the theme on their agenda"),
    discussions: z.array(
      z.strictObject({
        sessionId: z.string(),
        minutes: z.string(),
        decisions: z.array(z.string()),
        discussedAt: z.string(),
      }),
    ),
    actions: z.array(action),
    caseId: z
      .string()
      .nullable()
      .describe("The case opened from it, for organisations that may know that case"),
  })
  .meta({ id: "Theme" });

export const themeListSchema = z
  .strictObject({ themes: z.array(themeViewSchema) })
  .meta({ id: "Themes" });

export const openActionsSchema = z
  .strictObject({
    actions: z.array(
      z.strictObject({
        themeId: z.string(),
        covenantId: z.string(),
        actionId: z.string(),
        what: z.string(),
        ownerOrganisationId: z.string(),
        dueDate: z.string(),
        overdue: z.boolean(),
      }),
    ),
  })
  .meta({ id: "CollectiveActionsOpen" });

const month = z
  .string()
  .max(7)
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM");
export const periodQuery = z.object({
  covenant: z.uuid(),
  fromMonth: month.optional().describe("First month, inclusive"),
  toMonth: month.optional().describe("Last month, inclusive"),
});

export const themeTrendsSchema = z
  .strictObject({
    covenantId: z.string(),
    cells: z.array(
      z.strictObject({
        category: z.string(),
        school: z.string().nullable().describe("A member school; null for a theme at no school"),
        month: z.string(),
        themes: z.int().describe("Themes, never young people: counted apart from /v1/trends"),
      }),
    ),
  })
  .meta({ id: "ThemeTrends" });
