import type { ReactNode } from 'react';
import type { BlockNode, InlineNode, LetterDocument } from '../../../../shared/letters/document';
import { MergeChip } from './merge-field';

function inline(nodes: InlineNode[] | undefined): ReactNode[] {
  return (nodes ?? []).map((node, index) => {
    if (node.type === 'hardBreak') return <br key={index} />;
    if (node.type === 'mergeField') return <MergeChip key={index} field={node.attrs.field} />;
    let text: ReactNode = node.text;
    for (const mark of node.marks ?? [])
      text = mark.type === 'bold' ? <strong>{text}</strong> : <em>{text}</em>;
    return <span key={index}>{text}</span>;
  });
}

function block(node: BlockNode, index: number): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return <p key={index}>{inline(node.content)}</p>;
    case 'heading': {
      const Tag = (['h1', 'h2', 'h3'] as const)[node.attrs.level - 1] ?? 'h3';
      return <Tag key={index}>{inline(node.content)}</Tag>;
    }
    case 'bulletList':
    case 'orderedList': {
      const List = node.type === 'bulletList' ? 'ul' : 'ol';
      return (
        <List key={index}>
          {node.content.map((item, i) => (
            <li key={i}>{item.content.map(block)}</li>
          ))}
        </List>
      );
    }
    case 'table':
      return (
        <table key={index} className="letter-table">
          <tbody>
            {node.content.map((row, r) => (
              <tr key={r}>
                {row.content.map((cell, c) => {
                  const Cell = cell.type === 'tableHeader' ? 'th' : 'td';
                  return <Cell key={c}>{cell.content.map(block)}</Cell>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

/** A letter document drawn read-only (a past version), merge fields with today's values. */
export function DocView({ doc, label }: { doc: LetterDocument; label: string }) {
  return (
    <div className="letter-page letter-page--readonly" role="document" aria-label={label}>
      {doc.content.map(block)}
    </div>
  );
}
