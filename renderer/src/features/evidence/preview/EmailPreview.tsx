import type { Preview } from '../../../../../shared/domain/evidence';
import { formatBytes } from '../../../../../shared/text/bytes';

type EmailPreviewData = Extract<Preview, { type: 'email' }>;

/** An e-mail as text: headers, the body as plain text, and attachments listed (never opened). */
export function EmailPreview({ preview }: { preview: EmailPreviewData }) {
  return (
    <div className="evp-email">
      <dl className="evp-email__headers" aria-label="Message headers">
        {preview.headers.map((header, index) => (
          <div key={index} className="evp-email__header">
            <dt>{header.name}</dt>
            <dd>{header.value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="evp-subhead">Body</h3>
      {preview.body === '' ? (
        <p className="muted">The message has no text body.</p>
      ) : (
        <pre className="evp-email__body" tabIndex={0} role="region" aria-label="Message body">
          {preview.body}
        </pre>
      )}
      <h3 className="evp-subhead">Attachments</h3>
      {preview.attachments.length === 0 ? (
        <p className="muted">No attachments.</p>
      ) : (
        <>
          <ul className="evp-email__attachments" aria-label="Attachments">
            {preview.attachments.map((attachment, index) => (
              <li key={index}>
                <span className="mono">{attachment.name === '' ? '(no name)' : attachment.name}</span>
                <span className="muted"> · {attachment.mediaType} · </span>
                <span className="muted num">{formatBytes(attachment.size)}</span>
              </li>
            ))}
          </ul>
          <p className="muted evp-note">
            Attachments are listed, not opened; attach them as evidence of their own to preview them.
          </p>
        </>
      )}
    </div>
  );
}
