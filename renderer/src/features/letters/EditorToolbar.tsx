import { useEditorState, type Editor } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { IS_APPLE, MOD_LABEL } from '../../lib/platform';
import { MergeFieldMenu } from './MergeFieldMenu';

interface ToolProps {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

function Tool({ label, shortcut, pressed, disabled = false, onClick, children }: ToolProps) {
  return (
    <button
      type="button"
      className="letter-tool"
      aria-label={label}
      title={shortcut === undefined ? label : `${label} (${shortcut.replace(/^(Control|Meta)/, MOD_LABEL)})`}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      disabled={disabled}
      // Keep the editor's selection: a click on the toolbar must not take the focus away first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** Headings, emphasis, lists, a table, undo and redo, and merge fields, for the letter editor. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const bar = useRef<HTMLDivElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const mod = IS_APPLE ? 'Meta' : 'Control';
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  // One toolbar, walked with the arrow keys (Tab also reaches every button).
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const buttons = [...(bar.current?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    event.preventDefault();
    const next = buttons[(index + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
    next?.focus();
  }

  const chain = () => editor.chain().focus();

  return (
    <div ref={bar} className="letter-toolbar" role="toolbar" aria-label="Formatting" onKeyDown={onKeyDown}>
      <div className="letter-toolbar__group">
        {([1, 2, 3] as const).map((level) => (
          <Tool
            key={level}
            label={`Heading ${level}`}
            pressed={active[`h${level}`]}
            onClick={() => chain().toggleHeading({ level }).run()}
          >
            Heading {level}
          </Tool>
        ))}
        <Tool label="Paragraph" onClick={() => chain().setParagraph().run()}>
          ¶
        </Tool>
      </div>
      <div className="letter-toolbar__group">
        <Tool
          label="Bold"
          shortcut={`${mod}+B`}
          pressed={active.bold}
          onClick={() => chain().toggleBold().run()}
        >
          <strong>B</strong>
        </Tool>
        <Tool
          label="Italic"
          shortcut={`${mod}+I`}
          pressed={active.italic}
          onClick={() => chain().toggleItalic().run()}
        >
          <em>I</em>
        </Tool>
      </div>
      <div className="letter-toolbar__group">
        <Tool label="Bulleted list" pressed={active.bullet} onClick={() => chain().toggleBulletList().run()}>
          Bulleted
        </Tool>
        <Tool
          label="Numbered list"
          pressed={active.ordered}
          onClick={() => chain().toggleOrderedList().run()}
        >
          Numbered
        </Tool>
        <Tool
          label="Insert table"
          disabled={active.inTable}
          onClick={() => chain().insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run()}
        >
          Table
        </Tool>
        {active.inTable && (
          <>
            <Tool label="Add row" onClick={() => chain().addRowAfter().run()}>
              + Row
            </Tool>
            <Tool label="Delete row" onClick={() => chain().deleteRow().run()}>
              − Row
            </Tool>
            <Tool label="Delete table" onClick={() => chain().deleteTable().run()}>
              ✕ Table
            </Tool>
          </>
        )}
      </div>
      <div className="letter-toolbar__group">
        <Tool
          label="Undo"
          shortcut={`${mod}+Z`}
          disabled={!active.canUndo}
          onClick={() => chain().undo().run()}
        >
          ↶ Undo
        </Tool>
        <Tool
          label="Redo"
          shortcut={`${mod}+Shift+Z`}
          disabled={!active.canRedo}
          onClick={() => chain().redo().run()}
        >
          ↷ Redo
        </Tool>
      </div>
      <div className="letter-toolbar__group">
        <MergeFieldMenu
          open={menuOpen}
          onOpenChange={setMenuOpen}
          onPick={(field) => chain().insertContent({ type: 'mergeField', attrs: { field } }).run()}
        />
      </div>
    </div>
  );
}
