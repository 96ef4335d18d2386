import { createRequire } from 'node:module';
import path from 'node:path';

/** The four DejaVu Sans faces every PDF of a letter is set in (so any Latin, Greek or Cyrillic name prints). */
export type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FONT_FILES: Record<FontKey, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
};

let fontDirectory: string | null = null;

/**
 * Where the DejaVu Sans faces are: the dejavu-fonts-ttf package, found the way Node finds
 * modules, from this file (the TypeScript source when run as ES modules; in the CommonJS bundle
 * scripts/build-node.mjs defines import.meta.url from __filename).
 */
export function fontFile(key: FontKey): string {
  fontDirectory ??= path.join(
    path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
    'ttf',
  );
  return path.join(fontDirectory, FONT_FILES[key]);
}

export function fontKey(bold: boolean, italic: boolean): FontKey {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

/**
 * Registers the bold and italic faces under their keys. The regular face is not registered: it
 * is the document's default font, selected by its file (see PdfLayout's use()).
 */
export function registerFaces(doc: PDFKit.PDFDocument): void {
  for (const key of ['bold', 'italic', 'boldItalic'] as const) doc.registerFont(key, fontFile(key));
}
