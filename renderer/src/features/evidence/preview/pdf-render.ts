// Loaded only when a PDF is previewed (dynamic import), so pdf.js stays out of the main bundle.
import { AnnotationMode, getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export interface OpenPdf {
  pages: number;
  /** Draws one 1-based page into the canvas, fitted to `width` CSS pixels. */
  render: (pageNumber: number, canvas: HTMLCanvasElement, width: number) => Promise<void>;
  destroy: () => void;
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * Opens a PDF for drawing pages on canvases, nothing else: no scripting (pdf.js runs none without
 * its sandbox, which is never loaded), no XFA forms, no annotation, text or form layers, nothing
 * fetched (no font, CMap or wasm URLs; the CSP refuses connections anyway). pdf.js 6 has no
 * `isEvalSupported` option any more because it never compiles code (no eval or new Function in
 * its builds), so there is nothing to turn off; the worker is our own file under script-src 'self'.
 */
export async function openPdf(base64: string): Promise<OpenPdf> {
  const task = getDocument({
    data: bytesOf(base64),
    enableXfa: false,
    useWasm: false,
    useWorkerFetch: false,
    disableWorkerRendering: true,
    stopAtErrors: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
  });
  let document: PDFDocumentProxy;
  try {
    document = await task.promise;
  } catch (error) {
    void task.destroy();
    throw error;
  }
  let drawing: { cancel: () => void } | null = null;
  return {
    pages: document.numPages,
    async render(pageNumber, canvas, width) {
      drawing?.cancel();
      const page = await document.getPage(pageNumber);
      const base = page.getViewport({ scale: 1 });
      const scale = Math.max(0.25, Math.min(4, width / base.width));
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      const task = page.render({ canvas, viewport, annotationMode: AnnotationMode.DISABLE });
      drawing = task;
      try {
        await task.promise;
      } finally {
        if (drawing === task) drawing = null;
      }
    },
    destroy() {
      drawing?.cancel();
      void task.destroy();
    },
  };
}
