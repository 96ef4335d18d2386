import { z } from 'zod';

/** One answer of a sheet: the form's label, the value from the case and where it came from. */
export const answerSheetFieldSchema = z.object({
  id: z.string(),
  label: z.string(),
  section: z.string(),
  /** The answer to copy onto the form; empty when the case has nothing for it. */
  value: z.string(),
  /** Where the value came from ("Facts › Summary"), or where it is entered when missing. */
  source: z.string(),
  /** The case holds nothing for it (or it was withheld): shown as "missing". */
  missing: z.boolean(),
  /** What the form means or what to tick; empty when the label says it all. */
  help: z.string(),
});
export type AnswerSheetField = z.output<typeof answerSheetFieldSchema>;

/** A regulator's form pre-filled from the case, field by field, with no value of an affected person. */
export const answerSheetSchema = z.object({
  formId: z.string(),
  title: z.string(),
  regulator: z.string(),
  /** The notice's recipient as the rule names it ("California Attorney General"). */
  recipient: z.string(),
  ruleId: z.string(),
  /** The rule's jurisdiction (ISO 3166 code or "EU"): US sheets print on US Letter, others on A4. */
  jurisdiction: z.string(),
  ruleTitle: z.string(),
  stageId: z.string().nullable(),
  stageTitle: z.string().nullable(),
  /** Where the form's field list was read, with the references' addresses. */
  citation: z.string(),
  references: z.array(z.object({ key: z.string(), url: z.string() })),
  note: z.string(),
  /** The day the sheet was prepared (YYYY-MM-DD), in the case's zone. */
  preparedOn: z.iso.date(),
  fields: z.array(answerSheetFieldSchema),
  missingCount: z.number().int().nonnegative(),
});
export type AnswerSheet = z.output<typeof answerSheetSchema>;
