import { Fragment, useCallback, useEffect, useId } from 'react';
import type { RegisterSection } from '../../../../shared/domain/register';
import '../../styles/severity.css';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { formatInstant } from '../../lib/time';
import { useContentChanged } from '../../lib/use-content-changed';
import { useRegisterStore } from '../../stores/register-store';

/** A count or size ("1,240", "300"): right-aligned in tabular figures. */
const NUMBER = /^\d[\d,]*$/;

// Everything the register is built from.
const AREAS = ['obligations', 'facts', 'dataElements', 'populations', 'events', 'tasks', 'evidence'] as const;

function SectionView({ section }: { section: RegisterSection }) {
  const id = useId();
  return (
    <section className="reg-section" aria-labelledby={id}>
      <h5 id={id} className="reg-section__heading">
        {section.heading}
      </h5>
      {section.fields.length > 0 && (
        <dl className="facts">
          {section.fields.map((field, index) => (
            <Fragment key={`${field.label}-${index}`}>
              <dt>{field.label}</dt>
              <dd>{field.value === '' ? <span className="muted">Not recorded</span> : field.value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {section.table !== null &&
        (section.table.rows.length === 0 ? (
          <p className="muted small">None recorded.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="offscreen">{section.heading}</caption>
              <thead>
                <tr>
                  {section.table.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {section.table.rows.map((row, index) => (
                  // Rows have no identity of their own; the register is rebuilt whole.
                  <tr key={index}>
                    {row.map((cell, column) => (
                      <td key={column} className={NUMBER.test(cell) ? 'num' : undefined}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

/**
 * The GDPR Art. 33(5) breach register: the facts, effects, remedial action and the risk decision
 * with its rationale, kept for every breach whether or not anyone was notified; exportable as HTML.
 */
export function RegisterPanel() {
  const document = useRegisterStore((state) => state.document);
  const asOf = useRegisterStore((state) => state.asOf);
  const loading = useRegisterStore((state) => state.loading);
  const error = useRegisterStore((state) => state.error);
  const exporting = useRegisterStore((state) => state.exporting);
  const exportedTo = useRegisterStore((state) => state.exportedTo);
  const exportError = useRegisterStore((state) => state.exportError);
  const load = useRegisterStore((state) => state.load);
  const setAsOf = useRegisterStore((state) => state.setAsOf);
  const exportHtml = useRegisterStore((state) => state.exportHtml);
  const reload = useCallback(() => load(), [load]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useContentChanged(AREAS, reload);

  return (
    <section className="panel reg-panel" aria-labelledby="register-heading">
      <h3 id="register-heading" className="panel__title">
        Breach register
      </h3>
      <p className="panel__intro">
        GDPR Art. 33(5): the controller documents every personal-data breach (the facts, its effects, the
        remedial action taken, and the risk decision with its rationale), whether or not it was notified. This
        record is kept for every breach, notified or not. The notifications listed follow the law in force on
        the day the breach was discovered unless you choose another date.
      </p>
      <div className="reg-toolbar">
        <TextField
          label="Law as of"
          type="date"
          value={asOf}
          onChange={(event) => setAsOf(event.target.value)}
        />
        <Button variant="primary" disabled={exporting || document === null} onClick={() => void exportHtml()}>
          {exporting ? 'Exporting…' : 'Export as HTML…'}
        </Button>
      </div>
      {exportedTo !== null && (
        <p className="notice reg-exported" role="status">
          Register written to <span className="mono">{exportedTo}</span>
        </p>
      )}
      {exportError !== null && (
        <p className="notice notice--fail" role="alert">
          {exportError}
        </p>
      )}
      {error !== null && (
        <p className="notice notice--fail" role="alert">
          {error}
        </p>
      )}
      {document === null ? (
        error === null && <p className="muted">{loading ? 'Building the register…' : ''}</p>
      ) : (
        <article className="reg-document" aria-labelledby="register-document-title">
          <h4 id="register-document-title" className="reg-document__title">
            {document.title}
          </h4>
          <p className="reg-document__meta">
            {document.caseTitle}
            {document.organisation === '' ? '' : ` · ${document.organisation}`} · generated{' '}
            <time dateTime={document.generatedAt}>{formatInstant(document.generatedAt)}</time> by{' '}
            {document.generatedBy} · law as of {document.asOf}
          </p>
          {document.sections.map((section, index) => (
            <SectionView key={`${section.heading}-${index}`} section={section} />
          ))}
        </article>
      )}
    </section>
  );
}
