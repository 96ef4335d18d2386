import { useState } from 'react';
import type { RosterMapping } from '../../../../../shared/domain/roster';
import { call, messageOf } from '../../../api/client';
import { Button } from '../../../components/Button';
import { stem } from './format';
import { mappingOf, type MappingDraft } from './mapping-draft';

/**
 * Load mapping… and Save mapping…: a mapping file (breachdesk.roster-mapping/1) names columns
 * and elements only, never a value, so the same export can be mapped the same way next time.
 */
export function MappingFileButtons({
  draft,
  defaultName,
  onLoaded,
}: {
  draft: MappingDraft;
  defaultName: string;
  onLoaded: (mapping: RosterMapping) => void;
}) {
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(): Promise<void> {
    setNote(null);
    setError(null);
    try {
      const { path } = await call('dialog.chooseMapping', {});
      if (path !== null) onLoaded(await call('roster.loadMapping', { path }));
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  async function save(): Promise<void> {
    setNote(null);
    setError(null);
    try {
      const { path } = await call('dialog.chooseRosterSavePath', {
        kind: 'mapping',
        suggestedName: `${stem(defaultName)}.mapping.json`,
      });
      if (path === null) return;
      const saved = await call('roster.saveMapping', { path, mapping: mappingOf(draft) });
      setNote(`Mapping saved to ${saved.path}.`);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <div className="roster-mapping__files">
      <Button small onClick={() => void load()}>
        Load mapping…
      </Button>
      <Button small onClick={() => void save()}>
        Save mapping…
      </Button>
      {note !== null && (
        <span className="muted" role="status">
          {note}
        </span>
      )}
      {error !== null && (
        <span className="inline-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
