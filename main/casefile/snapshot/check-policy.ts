import { ofType, type SchemaObject } from './schema-objects';
import type { SnapshotPolicy } from './snapshot-policy';

/** A case file's schema and the snapshot policy disagree: no snapshot is written. */
export class SnapshotPolicyError extends Error {
  override name = 'SnapshotPolicyError';
}

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

/**
 * Throws, naming them, when the schema has a table, trigger or view the policy does not cover,
 * or the policy names one the schema lacks: a snapshot made from a guess could carry a privileged
 * note's text out, or silently drop records.
 */
export function checkSnapshotPolicy(schema: readonly SchemaObject[], policy: SnapshotPolicy): void {
  const problems: string[] = [];
  const tables = ofType(schema, 'table');
  const triggers = ofType(schema, 'trigger');
  const views = ofType(schema, 'view').map((view) => view.name);
  const uncoveredTables = tables.filter((t) => policy.tables[t.name] === undefined).map((t) => t.name);
  const uncoveredTriggers = triggers.filter((t) => policy.triggers[t.name] === undefined).map((t) => t.name);
  if (uncoveredTables.length > 0) problems.push(`no policy for table ${quoted(uncoveredTables)}`);
  if (uncoveredTriggers.length > 0) problems.push(`no policy for trigger ${quoted(uncoveredTriggers)}`);
  if (views.length > 0) problems.push(`no policy for view ${quoted(views)}`);
  const tableNames = new Set(tables.map((t) => t.name));
  const triggerNames = new Set(triggers.map((t) => t.name));
  const staleTables = Object.keys(policy.tables).filter((name) => !tableNames.has(name));
  const staleTriggers = Object.keys(policy.triggers).filter((name) => !triggerNames.has(name));
  if (staleTables.length > 0) problems.push(`a policy for missing table ${quoted(staleTables)}`);
  if (staleTriggers.length > 0) problems.push(`a policy for missing trigger ${quoted(staleTriggers)}`);
  const misfiled = tables
    .filter((t) => policy.tables[t.name] !== undefined)
    .filter((t) => t.virtual !== (policy.tables[t.name]?.rows === 'full-text-index'))
    .map((t) => t.name);
  if (misfiled.length > 0) problems.push(`'full-text-index' given to or missing from ${quoted(misfiled)}`);
  if (problems.length > 0) {
    throw new SnapshotPolicyError(
      `The case snapshot cannot be written: ${problems.join('; ')}. Say in main/casefile/snapshot/snapshot-policy.ts whether their rows travel in a bundle and whether they can hold a privileged note's text.`,
    );
  }
}
