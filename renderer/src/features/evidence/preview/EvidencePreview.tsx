import { useState } from 'react';
import type { EvidenceItem, Preview } from '../../../../../shared/domain/evidence';
import { TabList, tabIdOf, type Tab } from '../../../components/TabList';
import { PreviewBody } from './PreviewBody';
import type { PreviewMode } from '../../../stores/evidence/preview-store';
import { usePreview } from './use-preview';

/** Kinds whose natural preview is the item's text itself, so a line can be shown in it. */
const TEXT_LIKE = new Set<EvidenceItem['kind']>(['text', 'source']);

function tabsFor(item: EvidenceItem): Tab<PreviewMode>[] {
  const tabs: Tab<PreviewMode>[] = [{ id: 'natural', label: 'Preview' }];
  if (item.text.state === 'indexed') tabs.push({ id: 'text', label: 'Text' });
  tabs.push({ id: 'hex', label: 'Hex' });
  return tabs;
}

/** The mode a line of the item's text is shown in: the natural view when it is that text. */
function modeForLine(item: EvidenceItem): PreviewMode {
  if (TEXT_LIKE.has(item.kind) || item.text.state !== 'indexed') return 'natural';
  return 'text';
}

/**
 * A preview of one evidence item that cannot hurt: every variant is drawn from text nodes (never
 * HTML), images from data URLs, PDF pages on a canvas with scripting off. `line` (a search hit)
 * opens the page holding that line of the item's text and highlights it.
 */
export function EvidencePreview({ item, line }: { item: EvidenceItem; line: number | null }) {
  const key = `${item.id}:${line ?? ''}`;
  return <PreviewPane key={key} item={item} line={line} />;
}

function PreviewPane({ item, line }: { item: EvidenceItem; line: number | null }) {
  const tabs = tabsFor(item);
  const [mode, setMode] = useState<PreviewMode>(line === null ? 'natural' : modeForLine(item));
  const [page, setPage] = useState<Record<PreviewMode, number>>({ natural: 0, text: 0, hex: 0 });
  const [target, setTarget] = useState<{ mode: PreviewMode; line: number } | null>(
    line === null ? null : { mode: line === null ? 'natural' : modeForLine(item), line },
  );
  const targetLine = target !== null && target.mode === mode ? target.line : null;
  const state = usePreview({ id: item.id, mode, page: page[mode], line: targetLine });

  function goToPage(next: number): void {
    setTarget(null);
    setPage((current) => ({ ...current, [mode]: next }));
  }
  function goToLine(next: number): void {
    setTarget({ mode, line: next });
  }
  function showText(): void {
    setMode('text');
  }

  const preview: Preview | null =
    state.status === 'ready' ? state.preview : state.status === 'loading' ? state.last : null;

  return (
    <div className="evp-preview">
      <TabList
        tabs={tabs}
        selected={mode}
        onSelect={setMode}
        panelId={`evp-panel-${item.id}`}
        label="Show the item as"
        compact
      />
      <div
        className="evp-preview__panel"
        id={`evp-panel-${item.id}`}
        role="tabpanel"
        aria-labelledby={tabIdOf(`evp-panel-${item.id}`, mode)}
        aria-busy={state.status === 'loading'}
      >
        {state.status === 'error' && (
          <p className="inline-error" role="alert">
            {state.message}
          </p>
        )}
        {state.status === 'loading' && preview === null && <p className="muted">Loading the preview…</p>}
        {preview !== null && state.status !== 'error' && (
          <PreviewBody
            item={item}
            preview={preview}
            targetLine={targetLine}
            canShowText={item.text.state === 'indexed'}
            onPage={goToPage}
            onLine={goToLine}
            onShowText={showText}
          />
        )}
      </div>
    </div>
  );
}
