/**
 * A schema name quoted for use as an SQL identifier. Table and trigger names cannot be bound
 * parameters; these come from the case file's own schema and are quoted, never trusted as text.
 */
export function identifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
