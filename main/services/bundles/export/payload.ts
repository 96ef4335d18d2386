/** One file of a bag: where it goes, how big it is, its SHA-256, and how to produce its bytes. */
export interface PayloadFile {
  /** Relative to the bag, `/`-separated (`data/…` for payload, else a tag file). */
  path: string;
  size: number;
  sha256: string;
  /** Produces the bytes (once); a Buffer for small generated files, a stream for evidence. */
  bytes: () => Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
  /** Evidence item ids whose bytes these are (for custody entries); empty for other files. */
  evidenceIds: readonly string[];
}
