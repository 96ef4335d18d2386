import {
  mergeAttributes,
  Node,
  NodeViewWrapper,
  ReactNodeViewRenderer,
  type ReactNodeViewProps,
} from '@tiptap/react';
import { MERGE_FIELDS } from '../../../../shared/letters/merge-fields';
import { selectMergeValue, useLettersStore } from '../../stores/letters-store';

const LABELS: ReadonlyMap<string, string> = new Map(MERGE_FIELDS.map((f) => [f.id, f.label]));

function mergeFieldLabel(field: string): string {
  return LABELS.get(field) ?? field;
}

/** A merge field as it reads in the draft: the case's value now, or "missing: Label" in amber. */
export function MergeChip({ field, selected = false }: { field: string; selected?: boolean }) {
  const value = useLettersStore(selectMergeValue(field));
  const label = mergeFieldLabel(field);
  const classes = [
    'merge-chip',
    value === null ? 'merge-chip--missing' : '',
    selected ? 'merge-chip--selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <span className={classes} title={`Merge field: ${label}`} data-merge-field={field}>
      {value === null ? (
        <>
          <span aria-hidden="true">⚠ </span>missing: {label}
        </>
      ) : (
        value
      )}
    </span>
  );
}

function MergeFieldView({ node, selected }: ReactNodeViewProps) {
  const field = String(node.attrs.field ?? '');
  return (
    <NodeViewWrapper as="span" className="merge-field-view">
      <MergeChip field={field} selected={selected} />
    </NodeViewWrapper>
  );
}

/**
 * The `mergeField` inline atom of the letter document: one token, selected and deleted as a
 * whole, drawn by React with the live case value. Frozen letters hold its value as text instead.
 */
export const MergeField = Node.create({
  name: 'mergeField',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      field: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-merge-field'),
        renderHTML: (attributes: { field?: unknown }) => ({ 'data-merge-field': String(attributes.field) }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-merge-field]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'merge-chip' })];
  },

  renderText({ node }) {
    return `{{${String(node.attrs.field)}}}`;
  },

  addNodeView() {
    return ReactNodeViewRenderer(MergeFieldView, { as: 'span', className: 'merge-field-host' });
  },
});
