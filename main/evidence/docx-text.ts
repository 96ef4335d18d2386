import mammoth from 'mammoth';

/**
 * The text of a Word document, paragraph by paragraph. mammoth reads the XML parts of the zip
 * and never runs macros or fetches linked content.
 */
export async function docxText(bytes: Buffer): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    return result.value.replace(/\r\n?/g, '\n');
  } catch (error) {
    throw new Error('The Word document is damaged or not a DOCX file', { cause: error });
  }
}
