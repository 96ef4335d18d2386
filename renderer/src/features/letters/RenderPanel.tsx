import { useState } from 'react';
import { messageOf } from '../../api/client';
import { Button } from '../../components/Button';
import { HashText } from '../../components/HashText';
import {
  useLetterOutputStore,
  type LetterFormat as Format,
  type RenderedLetter,
} from '../../stores/letter-output-store';

type Written = RenderedLetter & { format: Format };

const FORMATS: { format: Format; label: string; extension: string }[] = [
  { format: 'pdf', label: 'Export PDF…', extension: 'pdf' },
  { format: 'docx', label: 'Export Word (DOCX)…', extension: 'docx' },
  { format: 'html', label: 'Export HTML…', extension: 'html' },
];

const FORMAT_NAMES: Record<Format, string> = { pdf: 'PDF', docx: 'Word document', html: 'HTML file' };

/** A file name from the letter's title: "Notice of Data Breach" → "notice-of-data-breach.pdf". */
function suggestedName(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base === '' ? 'letter' : base}.${extension}`;
}

/**
 * PDF, DOCX and HTML from the same document, written by main where the user chooses: a bar at
 * the top of the letter, so the finished letter is one click away without scrolling.
 */
export function RenderPanel({
  letterId,
  title,
  version,
}: {
  letterId: string;
  title: string;
  version: number;
}) {
  const renderLetter = useLetterOutputStore((state) => state.renderLetter);
  const [busy, setBusy] = useState<Format | null>(null);
  const [written, setWritten] = useState<Written | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function render(format: Format, extension: string): Promise<void> {
    setError(null);
    setWritten(null);
    try {
      const result = await renderLetter(letterId, format, suggestedName(title, extension), () =>
        setBusy(format),
      );
      if (result !== null) setWritten({ ...result, format });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="letter-render" aria-labelledby="letter-render-heading">
      <div className="letter-render__bar">
        <h4 id="letter-render-heading" className="letter-render__title">
          Export
        </h4>
        <span className="letter-render__version muted small">version {version}</span>
        <div className="letter-render__buttons" role="group" aria-label="Export formats">
          {FORMATS.map(({ format, label, extension }) => (
            <Button
              key={format}
              small
              disabled={busy !== null}
              onClick={() => void render(format, extension)}
            >
              {busy === format ? 'Writing…' : label}
            </Button>
          ))}
        </div>
      </div>
      {written !== null && (
        <div className="notice letter-render__written" role="status">
          <p>
            {FORMAT_NAMES[written.format]} written to <span className="mono">{written.path}</span> (
            {written.bytes.toLocaleString('en')} bytes)
          </p>
          <p className="letter-render__hash">
            SHA-256 <HashText value={written.sha256} label="SHA-256 of the written file" />
          </p>
        </div>
      )}
      {error !== null && (
        <p className="notice notice--fail" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
