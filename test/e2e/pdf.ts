/**
 * Reading exported PDFs in tests and scripts with pdfjs-dist (Mozilla's PDF renderer) in Node:
 * page count, the text of every page, and a page rendered to PNG (pdfjs draws on the
 * @napi-rs/canvas it brings for Node).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfSummary {
  readonly pages: number;
  /** Text of each page, items joined by spaces. */
  readonly text: readonly string[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfSummary> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  try {
    const text: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return { pages: doc.numPages, text };
  } finally {
    await doc.destroy();
  }
}

interface NodeCanvas {
  toBuffer(mime: 'image/png'): Buffer;
}

/** One page as PNG bytes at `scale` × 72 dpi. */
export async function renderPdfPage(bytes: Uint8Array, pageNumber = 1, scale = 1.5): Promise<Buffer> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    type RenderParameters = Parameters<typeof page.render>[0];
    const factory = doc.canvasFactory as {
      create(w: number, h: number): { canvas: NodeCanvas & RenderParameters['canvas']; context: RenderParameters['canvasContext'] };
    };
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: context, viewport, canvas }).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await doc.destroy();
  }
}
