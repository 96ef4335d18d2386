import {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  caseStatusSchema,
  caseTitleSchema,
  organisationSchema,
} from '../../../../shared/domain/case';
import type { OpenCase } from '../../../../shared/domain/case';
import { SelectField, TextField } from '../../components/Field';
import { formatInstant } from '../../lib/time';
import { useWorkspaceStore } from '../../stores/workspace-store';
import { BundleCard } from '../bundles/BundleCard';
import { StatusReportButton } from '../report/StatusReportButton';
import { OverviewPictures } from './OverviewPictures';
import { useAutosaveText } from './useAutosaveText';
import { WhatNow } from './WhatNow';
import { useOverviewStore } from '../../stores/overview-store';

const STATUS_OPTIONS = CASE_STATUSES.map((status) => ({ value: status, label: CASE_STATUS_LABELS[status] }));

/**
 * The Overview: what now (notices, next deadlines, decisions and facts missing, the next step)
 * first; then the summary and pictures; the case record with the file's internals under
 * "About this file"; the case bundle card.
 */
export function OverviewSection({ openCase }: { openCase: OpenCase }) {
  const { record } = openCase;
  const title = useAutosaveText('title', record.title, caseTitleSchema);
  const organisation = useAutosaveText('organisation', record.organisation, organisationSchema);
  const saveField = useWorkspaceStore((state) => state.saveField);
  const statusProblem = useWorkspaceStore((state) => state.problems.status);
  const incidentStatus = useOverviewStore((state) => state.overview?.facts.status ?? null);

  function changeStatus(value: string): void {
    const parsed = caseStatusSchema.safeParse(value);
    if (parsed.success) void saveField('status', { status: parsed.data });
  }

  return (
    <div className="overview">
      <WhatNowPanel />

      <OverviewPictures />

      <section className="panel panel--compact" aria-labelledby="case-record-heading">
        <h3 id="case-record-heading" className="panel__title">
          Case record
        </h3>
        <div className="form-grid">
          <TextField
            label="Title"
            value={title.draft}
            error={title.error}
            maxLength={200}
            autoComplete="off"
            onChange={(event) => title.onChange(event.target.value)}
            onBlur={title.onBlur}
          />
          <TextField
            label="Organisation"
            value={organisation.draft}
            error={organisation.error}
            maxLength={200}
            autoComplete="organization"
            onChange={(event) => organisation.onChange(event.target.value)}
            onBlur={organisation.onBlur}
          />
          <SelectField
            label="Response stage (where the team is)"
            hint={
              <>
                Investigating, notifying, monitoring or closed. The incident&apos;s own state (suspected,
                confirmed, contained, resolved) is the <em>Incident status</em> on Facts
                {incidentStatus === null ? '' : `: now ${incidentStatus}`}.
              </>
            }
            value={record.status}
            options={STATUS_OPTIONS}
            error={statusProblem}
            onChange={(event) => changeStatus(event.target.value)}
          />
        </div>
        <p className="panel__intro">Changes are saved to the case file as you type.</p>
        <details className="about-file" aria-label="About this file">
          <summary>About this file</summary>
          <dl className="facts">
            <dt>File</dt>
            <dd>
              <code className="mono path">{openCase.path}</code>
            </dd>
            <dt>Created</dt>
            <dd>
              <time dateTime={record.createdAt}>{formatInstant(record.createdAt, { seconds: true })}</time>
            </dd>
            <dt>Last changed</dt>
            <dd>
              <time dateTime={record.updatedAt}>{formatInstant(record.updatedAt, { seconds: true })}</time>
            </dd>
            <dt>Case id</dt>
            <dd>
              <code className="mono">{record.id}</code>
            </dd>
            <dt>Schema version</dt>
            <dd className="num">{openCase.schemaVersion}</dd>
          </dl>
        </details>
      </section>

      <BundleCard />
    </div>
  );
}

/** The "What now" card, from the same overview the summary reads (loaded by OverviewPictures). */
function WhatNowPanel() {
  const whatNow = useOverviewStore((state) => state.overview?.whatNow ?? null);
  if (whatNow === null) return null;
  return <WhatNow whatNow={whatNow} actions={<OverviewActions />} />;
}

/** Buttons beside the primary action. */
function OverviewActions() {
  return <StatusReportButton />;
}
