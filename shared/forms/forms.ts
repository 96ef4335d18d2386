import cnilViolation from './cnil-violation.json' with { type: 'json' };
import doraFinalReport from './dora-final-report.json' with { type: 'json' };
import doraInitialNotification from './dora-initial-notification.json' with { type: 'json' };
import doraIntermediateReport from './dora-intermediate-report.json' with { type: 'json' };
import hhsOcrBreach from './hhs-ocr-breach.json' with { type: 'json' };
import icoPersonalDataBreach from './ico-personal-data-breach.json' with { type: 'json' };
import nis2EarlyWarning from './nis2-early-warning.json' with { type: 'json' };
import nis2FinalReport from './nis2-final-report.json' with { type: 'json' };
import nis2IncidentNotification from './nis2-incident-notification.json' with { type: 'json' };
import sec8kItem105 from './sec-8k-item-105.json' with { type: 'json' };
import usAgWebForm from './us-ag-web-form.json' with { type: 'json' };
import usCaAgForm from './us-ca-ag-form.json' with { type: 'json' };
import usFlAgForm from './us-fl-ag-form.json' with { type: 'json' };
import usMaAgForm from './us-ma-ag-form.json' with { type: 'json' };
import usTxAgForm from './us-tx-ag-form.json' with { type: 'json' };
import { formDefinitionSchema, type FormDefinition } from './form-schema';

/**
 * The regulator forms Breachdesk fills as answer sheets, by id. Rules name them (`form`,
 * `stages[].form`), so the ids are fixed. Each file is parsed here, at load: a form naming an
 * unknown case value or a field that is not its own fails at once, naming the form.
 */
const FILES = {
  'ico-personal-data-breach': icoPersonalDataBreach,
  'cnil-violation': cnilViolation,
  'hhs-ocr-breach': hhsOcrBreach,
  'sec-8k-item-105': sec8kItem105,
  'nis2-early-warning': nis2EarlyWarning,
  'nis2-incident-notification': nis2IncidentNotification,
  'nis2-final-report': nis2FinalReport,
  'dora-initial-notification': doraInitialNotification,
  'dora-intermediate-report': doraIntermediateReport,
  'dora-final-report': doraFinalReport,
  'us-ag-web-form': usAgWebForm,
  'us-ca-ag-form': usCaAgForm,
  'us-tx-ag-form': usTxAgForm,
  'us-fl-ag-form': usFlAgForm,
  'us-ma-ag-form': usMaAgForm,
} as const;

export type FormId = keyof typeof FILES;
export const FORM_IDS = Object.keys(FILES) as FormId[];

/** Parses one form file; the error names the form and the field at fault. */
export function parseFormDefinition(id: string, raw: unknown): FormDefinition {
  const result = formDefinitionSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `Form ${id} does not match the form schema at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  if (result.data.id !== id) throw new Error(`Form file ${id} holds the form ${result.data.id}`);
  return result.data;
}

export const FORMS: Readonly<Record<FormId, FormDefinition>> = Object.fromEntries(
  Object.entries(FILES).map(([id, raw]) => [id, parseFormDefinition(id, raw)]),
) as Record<FormId, FormDefinition>;

/** The form with this id, or null for an id no form has. */
export function formById(id: string): FormDefinition | null {
  return Object.hasOwn(FORMS, id) ? FORMS[id as FormId] : null;
}
