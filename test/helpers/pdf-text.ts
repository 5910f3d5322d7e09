/** A printed PDF read back as words with their size and place (pdf.js), for the print-readability tests. */

export interface Word {
  text: string;
  /** Text size in points. */
  size: number;
  x: number;
  y: number;
  width: number;
}

export interface Page {
  width: number;
  height: number;
  words: Word[];
  /** The page's object number, which the structure tree refers to. */
  ref: number;
}

export async function readPdf(bytes: Uint8Array): Promise<Page[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: Page[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const p = await doc.getPage(i);
    const [, , width, height] = p.view as [number, number, number, number];
    const words: Word[] = [];
    for (const it of (await p.getTextContent()).items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const t = it.transform as number[];
      words.push({ text: it.str, size: Math.hypot(t[2]!, t[3]!), x: t[4]!, y: t[5]!, width: it.width });
    }
    pages.push({ width, height, words, ref: p.ref!.num });
  }
  await doc.destroy();
  return pages;
}

/** A diagram page's caption: the words under the running header (the first 80 pt of the body). */
export function caption(p: Page): string {
  return p.words
    .filter((w) => w.y < p.height - 40 && w.y > p.height - 120)
    .map((w) => w.text)
    .join(' ')
    .replace(/\s+/g, ' ');
}
