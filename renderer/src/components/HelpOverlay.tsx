import { SECTIONS, sectionShortcut } from '../app/sections';
import { MOD_LABEL } from '../lib/platform';
import { Button } from './Button';
import { Modal } from './Modal';

interface HelpOverlayProps {
  onClose: () => void;
}

const GENERAL: [string, string][] = [
  [`${MOD_LABEL}+N`, 'New case…'],
  [`${MOD_LABEL}+O`, 'Open case…'],
  [`${MOD_LABEL}+W`, 'Close case'],
  [`${MOD_LABEL}+K`, 'Search the case'],
  [`${MOD_LABEL}+Shift+E`, 'Add evidence files…'],
  [`${MOD_LABEL}+Shift+B`, 'Export a case bundle…'],
  ['?', 'Show this list of shortcuts'],
  ['Esc', 'Close a dialog'],
  ['Tab / Shift+Tab', 'Move between controls'],
];

/** The `?` overlay: every shortcut, in two short tables. */
export function HelpOverlay({ onClose }: HelpOverlayProps) {
  const sections: [string, string][] = SECTIONS.map((section, index) => [
    sectionShortcut(index),
    section.label,
  ]);
  return (
    <Modal
      title="Keyboard shortcuts"
      onClose={onClose}
      wide
      initialFocus=".modal__footer button"
      footer={
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      }
    >
      <div className="shortcut-columns">
        <ShortcutTable caption="General" rows={GENERAL} />
        <ShortcutTable caption="Case sections (when a case is open)" rows={sections} />
      </div>
    </Modal>
  );
}

function ShortcutTable({ caption, rows }: { caption: string; rows: [string, string][] }) {
  return (
    <table className="shortcuts">
      <caption>{caption}</caption>
      <thead className="offscreen">
        <tr>
          <th scope="col">Keys</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([keys, action]) => (
          <tr key={keys}>
            <th scope="row">
              <kbd>{keys}</kbd>
            </th>
            <td>{action}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
