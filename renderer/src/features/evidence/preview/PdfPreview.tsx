import { useEffect, useRef, useState } from 'react';
import type { Preview } from '../../../../../shared/domain/evidence';
import { Button } from '../../../components/Button';
import type { OpenPdf } from './pdf-render';
import { Pager } from './Pager';

type PdfPreviewData = Extract<Preview, { type: 'pdf' }>;

/** Widest a page is drawn, in CSS pixels; narrower panes draw it narrower. */
const MAX_WIDTH = 820;

type PdfState = { status: 'opening' } | { status: 'open'; pdf: OpenPdf } | { status: 'failed' };

/**
 * PDF pages drawn on a canvas by pdf.js (loaded on first use), one page at a time. If the file
 * cannot be drawn the pane says so and offers the extracted text instead.
 */
export function PdfPreview({
  preview,
  name,
  onShowText,
}: {
  preview: PdfPreviewData;
  name: string;
  onShowText: (() => void) | null;
}) {
  const [opened, setOpened] = useState<{ source: string; state: PdfState } | null>(null);
  const [page, setPage] = useState(0);
  const [drawn, setDrawn] = useState<{ page: number; ok: boolean } | null>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const frame = useRef<HTMLDivElement | null>(null);
  const state: PdfState =
    opened !== null && opened.source === preview.base64 ? opened.state : { status: 'opening' };
  const pdf = state.status === 'open' ? state.pdf : null;
  const drawing = drawn === null || drawn.page !== page ? 'drawing' : drawn.ok ? 'drawn' : 'failed';

  useEffect(() => {
    let current = true;
    let loaded: OpenPdf | null = null;
    const source = preview.base64;
    import('./pdf-render')
      .then(({ openPdf }) => openPdf(source))
      .then((result) => {
        loaded = result;
        if (current) setOpened({ source, state: { status: 'open', pdf: result } });
        else result.destroy();
      })
      .catch(() => {
        if (current) setOpened({ source, state: { status: 'failed' } });
      });
    return () => {
      current = false;
      loaded?.destroy();
    };
  }, [preview.base64]);

  useEffect(() => {
    if (pdf === null || canvas.current === null) return;
    let current = true;
    const width = Math.min(MAX_WIDTH, Math.max(240, (frame.current?.clientWidth ?? MAX_WIDTH) - 16));
    pdf
      .render(page + 1, canvas.current, width)
      .then(() => {
        if (current) setDrawn({ page, ok: true });
      })
      .catch((error: unknown) => {
        // A newer page replaced this one while it was drawing: not a failure.
        if (current && !(error instanceof Error && error.name === 'RenderingCancelledException')) {
          setDrawn({ page, ok: false });
        }
      });
    return () => {
      current = false;
    };
  }, [pdf, page]);

  if (state.status === 'failed') return <PdfFailed onShowText={onShowText} />;
  if (state.status === 'opening') return <p className="muted">Opening the PDF…</p>;

  const pages = state.pdf.pages;
  return (
    <div className="evp-pdf">
      <div className="evp-toolbar">
        <Pager page={page} pages={pages} onPage={setPage} />
        {onShowText !== null && (
          <Button small variant="quiet" onClick={onShowText}>
            Show the text instead
          </Button>
        )}
      </div>
      {drawing === 'failed' && <PdfFailed onShowText={onShowText} />}
      <div className="evp-pdf__frame" ref={frame}>
        <canvas
          ref={canvas}
          className={drawing === 'failed' ? 'evp-pdf__canvas offscreen' : 'evp-pdf__canvas'}
          role="img"
          aria-label={`${name}, page ${page + 1} of ${pages}`}
          data-state={drawing}
        />
      </div>
    </div>
  );
}

function PdfFailed({ onShowText }: { onShowText: (() => void) | null }) {
  return (
    <div className="evp-failed" role="alert">
      <p>
        This PDF could not be drawn
        {onShowText === null ? '; the Hex tab shows its bytes.' : '; its extracted text can still be read.'}
      </p>
      {onShowText !== null && (
        <Button small onClick={onShowText}>
          Show the text
        </Button>
      )}
    </div>
  );
}
