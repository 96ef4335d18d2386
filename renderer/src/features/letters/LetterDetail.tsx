import { useState } from 'react';
import type { LetterView } from '../../../../shared/domain/letters';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { flushPendingEdits } from '../../lib/pending-edits';
import { formatInstant } from '../../lib/time';
import { useLettersStore } from '../../stores/letters-store';
import { useObligationsStore } from '../../stores/obligations-store';
import { ChecksPanel } from './ChecksPanel';
import { LetterDetailsDialog } from './LetterDetailsDialog';
import { LetterEditor } from './LetterEditor';
import { RenderPanel } from './RenderPanel';
import { StatusBadge } from './status';
import { MarkSentDialog } from '../../components/MarkSentDialog';
import { ApproveDialog } from './StatusDialogs';
import { VersionsPanel } from './VersionsPanel';

type Dialog = 'approve' | 'sent' | 'freeze' | 'details' | null;

/**
 * One letter: status and its actions, Export at the top, the draft with its checks beside it (or
 * below it, when the pane is narrow: the letter keeps most of the width), versions.
 */
export function LetterDetail({ view, templateTitle }: { view: LetterView; templateTitle: string }) {
  const setStatusNow = useLettersStore((state) => state.setStatus);
  const freezeNow = useLettersStore((state) => state.freeze);
  // A status or a freeze applies to the latest version: the edit still waiting is written first.
  const setStatus: typeof setStatusNow = async (input) => {
    await flushPendingEdits();
    return setStatusNow(input);
  };
  const freeze: typeof freezeNow = async (id) => {
    await flushPendingEdits();
    return freezeNow(id);
  };
  const [dialog, setDialog] = useState<Dialog>(null);
  const obligationTitle = useObligationsStore((state) => {
    const row = state.board?.rows.find((r) => r.ruleId === view.letter.obligationRuleId);
    return row?.obligation?.title ?? row?.notTriggered?.title ?? null;
  });
  const [failure, setFailure] = useState<string | null>(null);
  const { letter } = view;
  const failing = view.checks.filter((check) => check.status === 'fail');
  const hasTokens = JSON.stringify(view.version.doc).includes('"mergeField"');

  async function move(status: 'draft' | 'in_review'): Promise<void> {
    setFailure(await setStatus({ id: letter.id, status }));
  }

  return (
    <article className="letter-detail" aria-labelledby="letter-title">
      <header className="letter-detail__header">
        <div className="letter-detail__heading">
          <h3 id="letter-title" className="letter-detail__title">
            {letter.title}
          </h3>
          <p className="letter-detail__meta">
            {[
              letter.title.includes(templateTitle) ? null : `Template: ${templateTitle}`,
              letter.recipient.name === '' || letter.title.includes(letter.recipient.name)
                ? null
                : `To ${letter.recipient.name}`,
              `${letter.jurisdiction} · ${letter.language === 'fr' ? 'French' : 'English'}`,
              letter.obligationRuleId === null
                ? null
                : `Answers: ${obligationTitle ?? letter.obligationRuleId}`,
              `version ${view.version.version} saved ${formatInstant(view.version.savedAt)} by ${view.version.savedBy}`,
            ]
              .filter((part): part is string => part !== null)
              .join(' · ')}
          </p>
        </div>
        <div className="letter-status-bar" role="group" aria-label="Letter status">
          {view.checks.length > 0 && (
            <button
              type="button"
              className={
                failing.length > 0 ? 'letter-checks-link letter-checks-link--fail' : 'letter-checks-link'
              }
              onClick={() => {
                const panel = document.getElementById('letter-checks');
                panel?.scrollIntoView({ block: 'nearest' });
                panel?.focus();
              }}
            >
              {failing.length > 0
                ? `${failing.length} of ${view.checks.length} checks fail`
                : `All ${view.checks.length} checks pass`}
            </button>
          )}
          <StatusBadge status={letter.status} />
          {letter.status !== 'sent' && (
            <Button small onClick={() => setDialog('details')}>
              Details…
            </Button>
          )}
          {letter.status === 'draft' && (
            <Button small onClick={() => void move('in_review')}>
              Send for review
            </Button>
          )}
          {letter.status === 'in_review' && (
            <Button small onClick={() => void move('draft')}>
              Back to draft
            </Button>
          )}
          {(letter.status === 'draft' || letter.status === 'in_review') && (
            <Button small variant="primary" onClick={() => setDialog('approve')}>
              Approve…
            </Button>
          )}
          {letter.status === 'approved' && (
            <Button small variant="primary" onClick={() => setDialog('sent')}>
              Mark sent…
            </Button>
          )}
        </div>
      </header>
      <RenderPanel
        letterId={letter.id}
        title={letter.title}
        version={
          letter.status === 'draft' || letter.approvedVersion === null
            ? letter.latestVersion
            : letter.approvedVersion
        }
      />
      {failure !== null && (
        <p className="notice notice--fail" role="alert">
          {failure}
        </p>
      )}
      {letter.status === 'approved' && letter.approvedVersion !== null && (
        <p className="notice letter-locked" role="status">
          <span aria-hidden="true">🔒 </span>Version {letter.approvedVersion} is approved and locked. Editing
          the letter makes a new draft version that needs approval again.
        </p>
      )}
      {letter.status === 'sent' && letter.sentAt !== null && (
        <p className="notice letter-locked" role="status">
          Sent <time dateTime={letter.sentAt}>{formatInstant(letter.sentAt)}</time> via {letter.channel}
          {letter.approvedVersion !== null && <> (version {letter.approvedVersion})</>}. A sent letter cannot
          change.
        </p>
      )}
      {letter.override !== null && (
        <p className="notice letter-override">
          Approved with failing checks ({letter.override.failing.join(', ')}) by {letter.override.by} on{' '}
          <time dateTime={letter.override.at}>{formatInstant(letter.override.at)}</time>: “
          {letter.override.reason}”
        </p>
      )}
      <div className="letter-workspace">
        <div className="letter-workspace__draft">
          <LetterEditor key={letter.id} view={view} editable={letter.status !== 'sent'} />
          {letter.status !== 'sent' && (
            <div className="letter-workspace__actions">
              <Button small disabled={!hasTokens} onClick={() => setDialog('freeze')}>
                Freeze merge fields…
              </Button>
            </div>
          )}
        </div>
        <ChecksPanel checks={view.checks} />
      </div>
      <VersionsPanel
        letterId={letter.id}
        latestVersion={letter.latestVersion}
        approvedVersion={letter.approvedVersion}
      />
      {dialog === 'approve' && (
        <ApproveDialog
          title={letter.title}
          version={view.version.version}
          failing={failing}
          onClose={() => setDialog(null)}
          approve={(override) =>
            setStatus(
              override === undefined
                ? { id: letter.id, status: 'approved' }
                : { id: letter.id, status: 'approved', override },
            )
          }
        />
      )}
      {dialog === 'sent' && (
        <MarkSentDialog
          heading="Mark letter sent"
          title={letter.title}
          onClose={() => setDialog(null)}
          record={(sentAt, channel) => setStatus({ id: letter.id, status: 'sent', sentAt, channel })}
        />
      )}
      {dialog === 'details' && <LetterDetailsDialog letter={letter} onClose={() => setDialog(null)} />}
      {dialog === 'freeze' && (
        <ConfirmDialog
          title="Freeze merge fields"
          confirmLabel="Freeze merge fields"
          onClose={() => setDialog(null)}
          onConfirm={() => freeze(letter.id)}
        >
          <p>
            Every merge field in “{letter.title}” becomes plain text with the case’s value as it is now, in a
            new version. The letter no longer follows changes to the facts; earlier versions keep their
            fields.
          </p>
        </ConfirmDialog>
      )}
    </article>
  );
}
