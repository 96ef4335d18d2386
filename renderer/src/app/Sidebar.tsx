import { useWorkspaceStore } from '../stores/workspace-store';
import { SECTIONS, sectionShortcut, type SectionId } from './sections';

/** The case sections; a section not built yet looks like the others and says so when opened. */
export function Sidebar({ current }: { current: SectionId }) {
  const showSection = useWorkspaceStore((state) => state.showSection);
  return (
    <nav className="sidebar" aria-label="Case sections">
      <ul>
        {SECTIONS.map((section, index) => {
          const shortcut = sectionShortcut(index);
          return (
            <li key={section.id} className={section.id === 'audit' ? 'sidebar__record' : undefined}>
              <button
                type="button"
                className="sidebar__item"
                aria-current={section.id === current ? 'page' : undefined}
                aria-keyshortcuts={shortcut}
                onClick={() => showSection(section.id)}
              >
                <span className="sidebar__label">{section.label}</span>
                <kbd className="sidebar__key" aria-hidden="true">
                  {shortcut}
                </kbd>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
