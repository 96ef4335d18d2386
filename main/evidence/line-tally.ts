/**
 * Counts lines across consecutive pieces of one text. A line ends with '\n' ('\r\n' is one line
 * break, a lone '\r' none); a last line without '\n' still counts.
 */
export class LineTally {
  private breaks = 0;
  private openLine = false;

  get lines(): number {
    return this.breaks + (this.openLine ? 1 : 0);
  }

  /** Adds the next piece; returns the 1-based line it starts in and how many lines it touches. */
  add(text: string): { firstLine: number; lineCount: number } {
    const firstLine = this.breaks + 1;
    const breaks = countLineBreaks(text);
    const open = text !== '' && !text.endsWith('\n');
    this.breaks += breaks;
    if (text !== '') this.openLine = open;
    return { firstLine, lineCount: breaks + (open ? 1 : 0) };
  }
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
