/** One released schema step. Released migrations never change; add a new one instead. */
export interface Migration {
  /** The schema version this step produces; numbered in tens. */
  version: number;
  name: string;
  sql: string;
}
