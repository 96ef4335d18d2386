import { create } from 'zustand';
import type { LetterVersion } from '../../../shared/domain/letters';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call } from '../api/client';

export type VersionRow = ChannelOutput<'letters.versions'>[number];
export type DiffPart = ChannelOutput<'letters.diff'>[number];

interface LetterVersionsState {
  /** Every saved version of a letter, as a row each; rejects with the failure. */
  listVersions: (letterId: string) => Promise<VersionRow[]>;
  /** One saved version, read-only. */
  readVersion: (letterId: string, version: number) => Promise<LetterVersion>;
  /** The text changes from one version to another. */
  compareVersions: (letterId: string, from: number, to: number) => Promise<DiffPart[]>;
}

/**
 * The saved versions of a letter (they never change), read for the versions panel, which keeps
 * what it shows while it is open.
 */
export const useLetterVersionsStore = create<LetterVersionsState>()(() => ({
  listVersions: (letterId) => call('letters.versions', { id: letterId }),
  readVersion: (letterId, version) => call('letters.version', { id: letterId, version }),
  compareVersions: (letterId, from, to) => call('letters.diff', { id: letterId, from, to }),
}));
