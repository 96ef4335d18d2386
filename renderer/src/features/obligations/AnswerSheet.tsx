import { useEffect, useId, useRef, useState } from 'react';
import type { BoardRow } from '../../../../shared/domain/obligation-status';
import type { AnswerSheet as Sheet, AnswerSheetField } from '../../../../shared/forms/answer-sheet';
import { call, messageOf } from '../../api/client';
import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';
import { copyText } from '../../lib/clipboard';
import './answer-sheet.css';

interface Choice {
  stageId: string | null;
  /** The button's words: "Answer sheet…" for the notice, "Answer sheet for Early warning…" for a stage. */
  label: string;
}

/**
 * The regulator forms of a notice, each a way to open its answer sheet: one per stage of a staged
 * report that has a form (the notice's own form is then its first stage's), else the notice's.
 */
function choicesOf(row: BoardRow): Choice[] {
  const obligation = row.obligation;
  if (obligation === null) return [];
  const stages = obligation.stages
    .filter((stage) => stage.form !== null)
    .map((stage) => ({ stageId: stage.id, label: `Answer sheet for ${stage.title}…` }));
  if (stages.length > 0) return stages;
  return obligation.form === null ? [] : [{ stageId: null, label: 'Answer sheet…' }];
}

/**
 * The notice's regulator form as an answer sheet: every field of the form answered from the case
 * (or "missing"), ready to be copied onto the regulator's portal field by field, or saved as PDF.
 */
export function AnswerSheets({ row, title }: { row: BoardRow; title: string }) {
  const headingId = useId();
  const [open, setOpen] = useState<Choice | null>(null);
  const choices = choicesOf(row);
  if (choices.length === 0) return null;
  return (
    <section className="obl-content answer-sheets" aria-labelledby={headingId}>
      <h4 id={headingId} className="obl-content__title">
        Regulator form
      </h4>
      <p className="obl-muted">
        The regulator’s form, each field answered from the case or marked missing, to copy onto the form.
      </p>
      <div className="answer-sheets__actions">
        {choices.map((choice) => (
          <Button key={choice.stageId ?? ''} small onClick={() => setOpen(choice)}>
            {choice.label}
          </Button>
        ))}
      </div>
      {open !== null && (
        <AnswerSheetDialog
          ruleId={row.ruleId}
          stageId={open.stageId}
          title={title}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}

type Loaded = { kind: 'loading' } | { kind: 'failed'; text: string } | { kind: 'ready'; sheet: Sheet };

function AnswerSheetDialog({
  ruleId,
  stageId,
  title,
  onClose,
}: {
  ruleId: string;
  stageId: string | null;
  title: string;
  onClose: () => void;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    call('forms.answerSheet', { ruleId, stageId })
      .then((sheet) => live && setLoaded({ kind: 'ready', sheet }))
      .catch((error: unknown) => live && setLoaded({ kind: 'failed', text: messageOf(error) }));
    return () => {
      live = false;
    };
  }, [ruleId, stageId]);

  const sheet = loaded.kind === 'ready' ? loaded.sheet : null;
  return (
    <Modal
      title={sheet?.title ?? 'Answer sheet'}
      wide
      onClose={onClose}
      description={
        sheet === null
          ? title
          : `${sheet.regulator} · ${sheet.fields.length - sheet.missingCount} of ${sheet.fields.length} fields answered, ${sheet.missingCount} missing`
      }
      footer={
        <>
          {sheet !== null && <SavePdf sheet={sheet} />}
          <Button onClick={onClose}>Close</Button>
        </>
      }
    >
      {loaded.kind === 'loading' && <p className="obl-muted">Filling the form from the case…</p>}
      {loaded.kind === 'failed' && (
        <p className="inline-error" role="alert">
          The answer sheet could not be made: {loaded.text}
        </p>
      )}
      {sheet !== null && <SheetTable sheet={sheet} />}
    </Modal>
  );
}

/** The fields in the form's order, under its sections: label, answer or "missing", where it came from, Copy. */
function SheetTable({ sheet }: { sheet: Sheet }) {
  const sections: { name: string; fields: AnswerSheetField[] }[] = [];
  for (const field of sheet.fields) {
    const last = sections.at(-1);
    if (last !== undefined && last.name === field.section) last.fields.push(field);
    else sections.push({ name: field.section, fields: [field] });
  }
  return (
    <div className="answer-sheet">
      <p className="answer-sheet__notice">
        {sheet.ruleTitle}
        {sheet.stageTitle === null ? '' : ` · ${sheet.stageTitle}`} → {sheet.recipient}
      </p>
      {sheet.note !== '' && <p className="obl-muted">{sheet.note}</p>}
      <table className="answer-sheet__table" aria-label={`Answer sheet: ${sheet.title}`}>
        <thead>
          <tr>
            <th scope="col">Field on the form</th>
            <th scope="col">Answer</th>
            <th scope="col">From</th>
            <th scope="col">
              <span className="offscreen">Copy</span>
            </th>
          </tr>
        </thead>
        {sections.map((section, index) => (
          <tbody key={`${index}-${section.name}`}>
            {section.name !== '' && (
              <tr className="answer-sheet__section">
                <th scope="rowgroup" colSpan={4}>
                  {section.name}
                </th>
              </tr>
            )}
            {section.fields.map((field) => (
              <FieldRow key={field.id} field={field} />
            ))}
          </tbody>
        ))}
      </table>
      <p className="obl-muted small">
        Fields from: {sheet.citation}. {sheet.references.map((r) => `[${r.key}] ${r.url}`).join(' · ')}
      </p>
    </div>
  );
}

function FieldRow({ field }: { field: AnswerSheetField }) {
  return (
    <tr className={field.missing ? 'answer-sheet__row answer-sheet__row--missing' : 'answer-sheet__row'}>
      <th scope="row">
        {field.label}
        {field.help !== '' && <span className="answer-sheet__help">{field.help}</span>}
      </th>
      <td className="answer-sheet__value">
        {field.missing ? <span className="answer-sheet__missing">missing</span> : field.value}
      </td>
      <td className="answer-sheet__source">{field.source}</td>
      <td className="answer-sheet__copy">
        {!field.missing && <CopyButton value={field.value} label={field.label} />}
      </td>
    </tr>
  );
}

function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  async function copy(): Promise<void> {
    const ok = await copyText(value);
    setState(ok ? 'copied' : 'failed');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 1600);
  }
  // The button keeps its name; what happened is said beside it (and read out once).
  return (
    <>
      <Button small variant="quiet" aria-label={`Copy ${label}`} onClick={() => void copy()}>
        Copy
      </Button>
      <span className="answer-sheet__copied" aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text instead' : ''}
      </span>
    </>
  );
}

/** "Save as PDF…": where the person chooses, then says where it went or why it could not be written. */
function SavePdf({ sheet }: { sheet: Sheet }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  async function save(): Promise<void> {
    setOutcome(null);
    try {
      const suggestedName = `${sheet.formId}${sheet.stageId === null ? '' : `-${sheet.stageId}`}-${sheet.preparedOn}.pdf`;
      const { path } = await call('dialog.chooseExportPath', { suggestedName });
      if (path === null) return;
      setBusy(true);
      // The native save dialog has already asked before replacing an existing file.
      const written = await call('forms.saveAnswerSheet', {
        ruleId: sheet.ruleId,
        stageId: sheet.stageId,
        path,
        overwrite: true,
      });
      setOutcome({ ok: true, text: `Answer sheet saved to ${written.path}.` });
    } catch (error) {
      setOutcome({ ok: false, text: `The answer sheet could not be saved: ${messageOf(error)}` });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="answer-sheet__save">
      {outcome !== null && (
        <p className={outcome.ok ? 'notice' : 'notice notice--fail'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      <Button onClick={() => void save()} disabled={busy} aria-busy={busy || undefined}>
        {busy ? 'Saving…' : 'Save as PDF…'}
      </Button>
    </div>
  );
}
