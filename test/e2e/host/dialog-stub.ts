import type { DialogHost } from '../../../main/ipc/host-deps';

/**
 * Stands in for the native file dialogs: the test queues what the next dialog "returns"
 * (a path, or null for Cancel) and can read what the app asked for.
 */
export class DialogStub implements DialogHost {
  readonly suggestedNames: string[] = [];
  #newCaseAnswers: (string | null)[] = [];
  #openAnswers: (string | null)[] = [];
  #evidenceAnswers: string[][] = [];
  #exportAnswers: (string | null)[] = [];
  #bundleAnswers: (string | null)[] = [];
  #bundlePathAnswers: (string | null)[] = [];
  #datasetAnswers: (string | null)[] = [];
  #mappingAnswers: (string | null)[] = [];
  #rosterSaveAnswers: (string | null)[] = [];
  #noticesFolderAnswers: (string | null)[] = [];
  #trackingAnswers: string[][] = [];
  #codesAnswers: (string | null)[] = [];
  #rulePackAnswers: (string | null)[] = [];
  readonly evidenceRequests: boolean[] = [];

  /** Answers queued but not yet taken by a dialog. */
  get unanswered(): number {
    return (
      this.#newCaseAnswers.length +
      this.#openAnswers.length +
      this.#evidenceAnswers.length +
      this.#exportAnswers.length +
      this.#bundleAnswers.length +
      this.#bundlePathAnswers.length +
      this.#datasetAnswers.length +
      this.#mappingAnswers.length +
      this.#rosterSaveAnswers.length +
      this.#noticesFolderAnswers.length +
      this.#trackingAnswers.length +
      this.#codesAnswers.length +
      this.#rulePackAnswers.length
    );
  }

  answerNewCase(path: string | null): void {
    this.#newCaseAnswers.push(path);
  }

  answerOpen(path: string | null): void {
    this.#openAnswers.push(path);
  }

  /** The paths the next evidence dialog returns ([] for Cancel). */
  answerEvidence(paths: string[]): void {
    this.#evidenceAnswers.push(paths);
  }

  answerExport(path: string | null): void {
    this.#exportAnswers.push(path);
  }

  /** The bundle the next "open bundle" dialog picks. */
  answerBundle(path: string | null): void {
    this.#bundleAnswers.push(path);
  }

  /** Where the next "save bundle" dialog says to write. */
  answerBundlePath(path: string | null): void {
    this.#bundlePathAnswers.push(path);
  }

  /** The dataset the next "import dataset" dialog picks. */
  answerDataset(path: string | null): void {
    this.#datasetAnswers.push(path);
  }

  /** The mapping the next "load mapping" dialog picks. */
  answerMapping(path: string | null): void {
    this.#mappingAnswers.push(path);
  }

  /** Where the next roster "save" dialog (mapping or skipped rows) says to write. */
  answerRosterSave(path: string | null): void {
    this.#rosterSaveAnswers.push(path);
  }

  /** The folder the next "write notices" dialog picks. */
  answerNoticesFolder(path: string | null): void {
    this.#noticesFolderAnswers.push(path);
  }

  /** The files the next "read bounces / returned mail" dialog picks. */
  answerTrackingFiles(paths: string[]): void {
    this.#trackingAnswers.push(paths);
  }

  /** The file the next "import activation codes" dialog picks. */
  answerCodesFile(path: string | null): void {
    this.#codesAnswers.push(path);
  }

  /** The signed rule pack the next "import rule pack" dialog picks. */
  answerRulePack(path: string | null): void {
    this.#rulePackAnswers.push(path);
  }

  chooseNewCasePath(suggestedName: string): Promise<string | null> {
    this.suggestedNames.push(suggestedName);
    return Promise.resolve(take(this.#newCaseAnswers, 'save'));
  }

  chooseCaseToOpen(): Promise<string | null> {
    return Promise.resolve(take(this.#openAnswers, 'open'));
  }

  chooseEvidence(folders: boolean): Promise<string[]> {
    this.evidenceRequests.push(folders);
    return Promise.resolve(take(this.#evidenceAnswers, 'evidence') ?? []);
  }

  chooseExportPath(suggestedName: string): Promise<string | null> {
    this.suggestedNames.push(suggestedName);
    return Promise.resolve(take(this.#exportAnswers, 'export'));
  }

  chooseBundle(): Promise<string | null> {
    return Promise.resolve(take(this.#bundleAnswers, 'open bundle'));
  }

  chooseBundlePath(suggestedName: string): Promise<string | null> {
    this.suggestedNames.push(suggestedName);
    return Promise.resolve(take(this.#bundlePathAnswers, 'save bundle'));
  }

  chooseDataset(): Promise<string | null> {
    return Promise.resolve(take(this.#datasetAnswers, 'import dataset'));
  }

  chooseMapping(): Promise<string | null> {
    return Promise.resolve(take(this.#mappingAnswers, 'load mapping'));
  }

  chooseRosterSavePath(_kind: 'mapping' | 'skipped-rows', suggestedName: string): Promise<string | null> {
    this.suggestedNames.push(suggestedName);
    return Promise.resolve(take(this.#rosterSaveAnswers, 'roster save'));
  }

  chooseNoticesFolder(suggestedName: string): Promise<string | null> {
    this.suggestedNames.push(suggestedName);
    return Promise.resolve(take(this.#noticesFolderAnswers, 'notices folder'));
  }

  chooseTrackingFiles(): Promise<string[]> {
    return Promise.resolve(take(this.#trackingAnswers, 'tracking files') ?? []);
  }

  chooseCodesFile(): Promise<string | null> {
    return Promise.resolve(take(this.#codesAnswers, 'codes file'));
  }

  chooseRulePack(): Promise<string | null> {
    return Promise.resolve(take(this.#rulePackAnswers, 'rule pack'));
  }
}

function take<T>(answers: T[], kind: string): T | null {
  if (answers.length === 0) throw new Error(`the test did not say what the next ${kind} dialog returns`);
  return answers.shift() ?? null;
}
