import type { EvidenceItem, Preview } from '../../../../../shared/domain/evidence';
import { EmailPreview } from './EmailPreview';
import { HexPreview } from './HexPreview';
import { ImagePreview } from './ImagePreview';
import { PdfPreview } from './PdfPreview';
import { TablePreview } from './TablePreview';
import { TextPreview } from './TextPreview';

/** Draws one preview variant; every string reaches the page as a text node. */
export function PreviewBody({
  item,
  preview,
  targetLine,
  canShowText,
  onPage,
  onLine,
  onShowText,
}: {
  item: EvidenceItem;
  preview: Preview;
  targetLine: number | null;
  canShowText: boolean;
  onPage: (page: number) => void;
  onLine: (line: number) => void;
  onShowText: () => void;
}) {
  switch (preview.type) {
    case 'text':
      return (
        <TextPreview
          preview={preview}
          totalLines={item.text.state === 'indexed' ? item.text.lines : null}
          targetLine={targetLine}
          onPage={onPage}
          onLine={onLine}
        />
      );
    case 'table':
      return <TablePreview preview={preview} name={item.name} onPage={onPage} />;
    case 'json':
      return (
        <pre className="evp-json" tabIndex={0} role="region" aria-label={`JSON of ${item.name}`}>
          {preview.text}
        </pre>
      );
    case 'email':
      return <EmailPreview preview={preview} />;
    case 'image':
      return <ImagePreview preview={preview} name={item.name} />;
    case 'pdf':
      return <PdfPreview preview={preview} name={item.name} onShowText={canShowText ? onShowText : null} />;
    case 'hex':
      return <HexPreview preview={preview} onPage={onPage} />;
    case 'none':
      return <p className="muted evp-none">{preview.reason}</p>;
  }
}
