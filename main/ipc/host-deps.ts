import type { WorkspaceDeps } from '../services/workspace-deps';

// Hosts import the event sink from here with the rest of what they give the dispatcher.
export { silentEvents, type EventSink } from '../services/events';

/** Native file dialogs; only hosts with a person in front of them have one. */
export interface DialogHost {
  chooseNewCasePath(suggestedName: string): Promise<string | null>;
  chooseCaseToOpen(): Promise<string | null>;
  /** Files (or folders) to take into the evidence locker; [] when the person cancels. */
  chooseEvidence(folders: boolean): Promise<string[]>;
  /** Where to save an exported evidence file; null when the person cancels. */
  chooseExportPath(suggestedName: string): Promise<string | null>;
  /** A case bundle (.zip) to verify, import or merge; null when the person cancels. */
  chooseBundle(): Promise<string | null>;
  /** Where to save a case bundle (.zip); null when the person cancels. */
  chooseBundlePath(suggestedName: string): Promise<string | null>;
  /** A dataset of people to import into the roster (CSV, TSV, JSON Lines, SQLite); null on cancel. */
  chooseDataset(): Promise<string | null>;
  /** A saved roster mapping (JSON) to load; null on cancel. */
  chooseMapping(): Promise<string | null>;
  /** Where to save a roster file: a mapping (.json) or a skipped-rows report (.csv); null on cancel. */
  chooseRosterSavePath(kind: 'mapping' | 'skipped-rows', suggestedName: string): Promise<string | null>;
  /** A new or empty folder to write a notification run into; null on cancel. */
  chooseNoticesFolder(suggestedName: string): Promise<string | null>;
  /** Delivery reports (.eml) or CSV lists of outcomes to read back; [] on cancel. */
  chooseTrackingFiles(): Promise<string[]>;
  /** A CSV of activation codes to import; null on cancel. */
  chooseCodesFile(): Promise<string | null>;
  /** A signed rule pack file to import (rules import); null on cancel. */
  chooseRulePack(): Promise<string | null>;
}

/** What a host (Electron window, CLI call, e2e page) gives the dispatcher. */
export interface HostDeps extends WorkspaceDeps {
  dialogs: DialogHost | null;
  /** Where unexpected errors go in full; they never cross the bridge. */
  logError: (error: unknown) => void;
}
