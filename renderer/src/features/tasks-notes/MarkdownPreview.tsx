import Markdown, { type Components } from 'react-markdown';

/**
 * Markdown shown as text elements only: raw HTML is dropped (never parsed into the page), images
 * are not shown, and links are plain text with their address on hover (the app navigates nowhere).
 */
const COMPONENTS: Components = {
  a: ({ children, href }) => (
    <span className="md-link" title={href}>
      {children}
    </span>
  ),
};

const NO_ELEMENTS: string[] = ['img'];

export function MarkdownPreview({ source }: { source: string }) {
  if (source.trim() === '') return <p className="muted">Nothing written yet.</p>;
  return (
    <Markdown skipHtml disallowedElements={NO_ELEMENTS} components={COMPONENTS}>
      {source}
    </Markdown>
  );
}
