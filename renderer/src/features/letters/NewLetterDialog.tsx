import { useEffect, useState } from 'react';
import { LETTER_RECIPIENT_KINDS } from '../../../../shared/letters/template';
import { FieldFrame, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import {
  useLettersStore,
  type LetterTemplateSummary,
  type ObligationBoardRow as BoardRow,
} from '../../stores/letters-store';

type RecipientKind = (typeof LETTER_RECIPIENT_KINDS)[number];

const RECIPIENT_KIND_LABELS: Record<RecipientKind, string> = {
  supervisory_authority: 'Supervisory authorities',
  attorney_general: 'Attorneys general',
  state_police: 'State police',
  other_regulator: 'Other regulators',
  consumer_reporting_agencies: 'Consumer reporting agencies',
  affected_individuals: 'Affected individuals',
  data_owner: 'Data owners',
  partner: 'Partners',
};

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'French' };

function templateLabel(template: LetterTemplateSummary): string {
  return `${template.title} (${template.jurisdiction}, ${LANGUAGE_NAMES[template.language] ?? template.language})`;
}

/** New letter: the obligation it answers (optional; its template is then chosen), a template (by recipient kind), the recipient. */
export function NewLetterDialog({ onClose }: { onClose: () => void }) {
  const templates = useLettersStore((state) => state.templates) ?? [];
  const create = useLettersStore((state) => state.create);
  const answerableObligations = useLettersStore((state) => state.answerableObligations);
  const [templateId, setTemplateId] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [ruleId, setRuleId] = useState('');
  const [obligations, setObligations] = useState<BoardRow[]>([]);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const [templateChosen, setTemplateChosen] = useState(false);

  useEffect(() => {
    let live = true;
    answerableObligations()
      .then((rows) => {
        if (live) setObligations(rows);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [answerableObligations]);

  const chosen = templates.find((t) => t.id === templateId);
  const groups = LETTER_RECIPIENT_KINDS.map((kind) => ({
    kind,
    templates: templates.filter((t) => t.recipientKind === kind),
  })).filter((group) => group.templates.length > 0);

  const chosenRow = obligations.find((row) => row.ruleId === ruleId);

  /** Choosing the notice first picks its template, unless one was chosen by hand. */
  function pickObligation(id: string): void {
    setRuleId(id);
    const row = obligations.find((r) => r.ruleId === id);
    if (row !== undefined && row.template !== null && !templateChosen) {
      setTemplateId(row.template.id);
      setTemplateError(null);
    }
  }

  function pickTemplate(id: string): void {
    setTemplateId(id);
    setTemplateChosen(id !== '');
    setTemplateError(null);
    // Offer the obligation the template answers, when the case owes it.
    const template = templates.find((t) => t.id === id);
    const match = obligations.find((row) => template?.ruleIds.includes(row.ruleId) === true);
    if (match !== undefined && ruleId === '') setRuleId(match.ruleId);
  }

  function submit(): Promise<string | null> | undefined {
    if (templateId === '') {
      setTemplateError('Choose a template');
      return undefined;
    }
    return create({
      templateId,
      recipient: { name: name.trim(), address },
      obligationRuleId: ruleId === '' ? null : ruleId,
    });
  }

  return (
    <FormDialog
      title="New letter"
      description="Drafted from a template with the case's facts; every merge field shows the live value."
      wide
      submitLabel="Create draft"
      onClose={onClose}
      submit={submit}
    >
      <FieldFrame
        label="Answers obligation"
        hint={
          chosenRow === undefined
            ? 'Optional. The notice this letter answers: it moves to Drafting, and marking the letter sent records it as sent.'
            : chosenRow.template === null
              ? (chosenRow.templateUnavailable ?? 'No template fits this notice.')
              : `Its template: ${chosenRow.template.title}. The notice moves to Drafting; marking the letter sent records it as sent.`
        }
      >
        {({ inputId, describedBy }) => (
          <select
            id={inputId}
            className="field__control field__control--select"
            value={ruleId}
            aria-describedby={describedBy}
            onChange={(event) => pickObligation(event.target.value)}
          >
            <option value="">None</option>
            {obligations.map((row) => (
              <option key={row.ruleId} value={row.ruleId}>
                {row.obligation?.title ?? row.ruleId}
                {row.letterState.state === 'none'
                  ? ''
                  : ` (letter: ${row.letterState.state.replace('_', ' ')})`}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <FieldFrame label="Template" error={templateError} hint={chosen?.description}>
        {({ inputId, describedBy, invalid }) => (
          <select
            id={inputId}
            className="field__control field__control--select"
            value={templateId}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => pickTemplate(event.target.value)}
          >
            <option value="">Choose a template…</option>
            {groups.map((group) => (
              <optgroup key={group.kind} label={RECIPIENT_KIND_LABELS[group.kind]}>
                {group.templates.map((template) => (
                  <option key={template.id} value={template.id}>
                    {templateLabel(template)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </FieldFrame>
      <TextField
        label="Recipient name"
        value={name}
        maxLength={300}
        autoComplete="off"
        hint="Who the letter is addressed to (an authority, a partner, or leave empty for a notice to individuals)."
        onChange={(event) => setName(event.target.value)}
      />
      <FieldFrame label="Recipient address">
        {({ inputId, describedBy }) => (
          <textarea
            id={inputId}
            className="field__control field__control--area"
            rows={3}
            maxLength={1000}
            value={address}
            aria-describedby={describedBy}
            onChange={(event) => setAddress(event.target.value)}
          />
        )}
      </FieldFrame>
    </FormDialog>
  );
}
