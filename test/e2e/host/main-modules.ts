import { createRequire } from 'node:module';
import type * as DispatcherModule from '../../../main/ipc/dispatcher';
import type * as CaseSessionModule from '../../../main/services/case-session';
import type * as RecentCasesModule from '../../../main/services/recent-cases';

/*
 * main/ is written for esbuild and vitest, which accept `import packageJson from '../package.json'`
 * (main/app-version.ts). Under Node 22's TypeScript detection Playwright would load main/ as native
 * ES modules, where that import needs `with { type: 'json' }`. Loading main/ through require() lets
 * Playwright's own CommonJS transform compile it instead. Types still come from the sources.
 */
const load = createRequire(import.meta.url);

export const { createDispatcher } = load('../../../main/ipc/dispatcher.ts') as typeof DispatcherModule;
export const { CaseSession } = load('../../../main/services/case-session.ts') as typeof CaseSessionModule;
export const { RecentCases } = load('../../../main/services/recent-cases.ts') as typeof RecentCasesModule;

export type Dispatch = DispatcherModule.Dispatch;
export type CaseSession = CaseSessionModule.CaseSession;
export type RecentCases = RecentCasesModule.RecentCases;
