/** The case sections in sidebar order; Alt+1 … Alt+0 follow this order. */
export const SECTIONS = [
  { id: 'overview', label: 'Overview' },
  { id: 'facts', label: 'Facts' },
  { id: 'people', label: 'People & data' },
  { id: 'parties', label: 'Parties' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'evidence', label: 'Evidence' },
  { id: 'obligations', label: 'Obligations' },
  { id: 'letters', label: 'Letters' },
  { id: 'tasks', label: 'Tasks & notes' },
  { id: 'audit', label: 'Audit log' },
] as const satisfies readonly { id: string; label: string; upcoming?: string }[];

export type Section = (typeof SECTIONS)[number];
export type SectionId = Section['id'];

export function sectionById(id: SectionId): Section {
  return SECTIONS.find((section) => section.id === id) ?? SECTIONS[0];
}

/** "Alt+1" … "Alt+9", then "Alt+0" for the tenth section. */
export function sectionShortcut(index: number): string {
  return `Alt+${(index + 1) % 10}`;
}
