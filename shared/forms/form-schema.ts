import { z } from 'zod';
import { FORM_SOURCES, PERSONAL_SOURCES, TIME_SOURCES } from './sources';

/** How a moment is written on the form: local time with its zone (default), the date alone, or UTC. */
export const TIME_FORMATS = ['datetime', 'date', 'utc'] as const;
export type TimeFormat = (typeof TIME_FORMATS)[number];

const idPattern = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/** One question of the regulator's form and the case value that answers it. */
export const formFieldSchema = z
  .object({
    id: z.string().regex(idPattern),
    /** The field's label as the form prints it. */
    label: z.string().min(1),
    /** The part of the form it sits in ("Section 3 – Breach"); consecutive fields share it. */
    section: z.string().default(''),
    /** The case value that answers it; "manual" where the case keeps nothing for it. */
    source: z.enum(FORM_SOURCES),
    /** One line where the form's wording needs it (what to tick, what the form means). */
    help: z.string().default(''),
    /**
     * The form asks for a person's details here (the reporter, the contact person): only such a
     * field may be filled with the organisation's contact person.
     */
    asksPersonalData: z.boolean().default(false),
    /** For a moment: how the form wants it written. */
    format: z.enum(TIME_FORMATS).optional(),
  })
  .strict()
  .refine((field) => !PERSONAL_SOURCES.has(field.source) || field.asksPersonalData, {
    message: 'A field filled with a person’s details must be one the form asks them for (asksPersonalData)',
    path: ['asksPersonalData'],
  })
  .refine((field) => field.format === undefined || TIME_SOURCES.has(field.source), {
    message: 'Only a field filled with a moment takes a format',
    path: ['format'],
  });
export type FormField = z.output<typeof formFieldSchema>;

/** A regulator's form as data: what it is, where its field list was read, its fields in order. */
export const formDefinitionSchema = z
  .object({
    id: z.string().regex(idPattern),
    title: z.string().min(1),
    regulator: z.string().min(1),
    source: z
      .object({
        /** Where the field list comes from, in words (with ⚠ where it rests on a secondary source). */
        citation: z.string().min(1),
        /** The references read, by their key in REGIMES.md or DOMAIN.md and their address. */
        references: z
          .array(z.object({ key: z.string().min(1), url: z.url({ protocol: /^https?$/ }) }).strict())
          .min(1),
      })
      .strict(),
    /** A line for the whole form (what it must not contain, how it is sent). */
    note: z.string().default(''),
    fields: z.array(formFieldSchema).min(1),
  })
  .strict()
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.fields.forEach((field, index) => {
      if (seen.has(field.id))
        ctx.addIssue({
          code: 'custom',
          path: ['fields', index, 'id'],
          message: `Duplicate field ${field.id}`,
        });
      seen.add(field.id);
    });
  });
export type FormDefinition = z.output<typeof formDefinitionSchema>;
