import { z } from 'zod';
import { answerSheetSchema } from '../forms/answer-sheet';

const sheetOf = {
  ruleId: z.string().min(1),
  /** A stage of a staged report (NIS2, DORA); null or absent: the notice itself. */
  stageId: z.string().min(1).nullable().default(null),
};

/** Channels of the regulator forms, filled from the case as answer sheets. */
export const formsContract = {
  /** The notice's (or stage's) regulator form, each field answered from the case or "missing". */
  'forms.answerSheet': {
    input: z.object(sheetOf).strict(),
    output: answerSheetSchema,
  },
  /** Writes the answer sheet as a PDF, checked for personal data of the roster first. */
  'forms.saveAnswerSheet': {
    input: z
      .object({
        ...sheetOf,
        path: z
          .string()
          .min(1)
          .refine((p) => !p.includes('\0'), 'A path cannot contain NUL'),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ path: z.string(), missingCount: z.number().int().nonnegative() }),
  },
} as const;
