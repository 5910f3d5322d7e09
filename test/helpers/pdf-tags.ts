/**
 * Reads the structure tree of a tagged PDF as Chromium writes it (classic objects, one `StructElem` dictionary per
 * object, no object streams): which pages each table row is drawn on. The structure tree says which rows belong to
 * which table, which the text of a page cannot: a test can tell where a table breaks.
 */

export interface TaggedRow {
  /** Every cell is a header cell (`<thead>`): the row Chromium repeats at the top of a continued table. */
  header: boolean;
  /** 1-based pages the row's cells are drawn on, ascending. */
  pages: number[];
}

interface Elem {
  role: string;
  kids: number[];
  pages: number[];
}

function parseElems(pdf: Uint8Array, pageNumber: Map<number, number>): Map<number, Elem> {
  const s = Buffer.from(pdf).toString('latin1');
  const elems = new Map<number, Elem>();
  for (const m of s.matchAll(/(?:^|[\r\n])(\d+) 0 obj\s*<<\s*\/Type \/StructElem\b([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const parent = /\/P (\d+) 0 R/.exec(body)?.[1];
    const pageRefs = [...body.matchAll(/\/Pg (\d+) 0 R/g)].map((p) => Number(p[1]));
    const refs = [...body.matchAll(/(\d+) 0 R/g)].map((r) => Number(r[1]));
    elems.set(Number(m[1]), {
      role: /\/S \/(\w+)/.exec(body)?.[1] ?? '',
      // Parent and page references are not children; the rest that name a structure element are.
      kids: refs.filter((r) => String(r) !== parent && !pageRefs.includes(r)),
      pages: pageRefs.flatMap((r) => (pageNumber.has(r) ? [pageNumber.get(r)!] : [])),
    });
  }
  for (const e of elems.values()) e.kids = e.kids.filter((k) => elems.has(k));
  return elems;
}

/** The pages an element's content is drawn on: its own and its descendants' (each element visited once). */
function pagesUnder(elems: Map<number, Elem>): (id: number) => number[] {
  const pagesOf = (id: number, seen = new Set<number>()): number[] => {
    if (seen.has(id)) return [];
    seen.add(id);
    const e = elems.get(id)!;
    return [...e.pages, ...e.kids.flatMap((k) => pagesOf(k, seen))];
  };
  return (id) => pagesOf(id);
}

/**
 * The tables of a tagged PDF in document order, each as its rows in order. `pageObjects[i]` is the object number of
 * page i + 1 (pdf.js: `(await doc.getPage(i + 1)).ref.num`).
 */
export function taggedTables(pdf: Uint8Array, pageObjects: number[]): TaggedRow[][] {
  const elems = parseElems(pdf, new Map(pageObjects.map((num, i) => [num, i + 1])));
  const pagesOf = pagesUnder(elems);
  const descendants = (id: number, role: string): number[] =>
    elems.get(id)!.kids.flatMap((k) => (elems.get(k)!.role === role ? [k] : descendants(k, role)));
  const isChild = new Set([...elems.values()].flatMap((e) => e.kids));
  const roots = [...elems.keys()].filter((id) => !isChild.has(id));
  const tables = roots.flatMap((r) => (elems.get(r)!.role === 'Table' ? [r] : descendants(r, 'Table')));
  return tables.map((t) =>
    descendants(t, 'TR').map((tr) => {
      const cells = elems.get(tr)!.kids.map((k) => elems.get(k)!.role);
      return {
        header: cells.length > 0 && cells.every((c) => c === 'TH'),
        pages: [...new Set(pagesOf(tr))].sort((a, b) => a - b),
      };
    }),
  );
}

/**
 * Where a table breaks right after its first body row or right before its last: "p12: after the first row" for
 * each such table. Rows drawn on no page (empty cells) are left out.
 */
export function lonelyRowBreaks(tables: TaggedRow[][]): string[] {
  return tables.flatMap((rows) => {
    const body = rows.filter((r) => !r.header && r.pages.length > 0);
    if (body.length < 2) return [];
    const breaksBetween = (a: TaggedRow, b: TaggedRow) => Math.max(...a.pages) < Math.min(...b.pages);
    const out: string[] = [];
    if (breaksBetween(body[0]!, body[1]!)) out.push(`p${Math.max(...body[0]!.pages)}: after the first row`);
    if (breaksBetween(body[body.length - 2]!, body[body.length - 1]!)) {
      out.push(`p${Math.max(...body[body.length - 2]!.pages)}: before the last row`);
    }
    return out;
  });
}

/**
 * Where a heading's introduction is parted from the table it introduces: for each `H…, P, Table` run of siblings in
 * the structure tree, "p12: …" in `parted` when the paragraph ends on an earlier page than the table's first body row starts.
 * `checked` counts the runs found. `pageObjects` as for taggedTables.
 */
export function introsPartedFromTables(pdf: Uint8Array, pageObjects: number[]): { checked: number; parted: string[] } {
  const elems = parseElems(pdf, new Map(pageObjects.map((num, i) => [num, i + 1])));
  const pagesOf = pagesUnder(elems);
  const rowsOf = (id: number): number[] =>
    elems.get(id)!.kids.flatMap((k) => (elems.get(k)!.role === 'TR' ? [k] : rowsOf(k)));
  const out: string[] = [];
  let checked = 0;
  for (const parent of elems.values()) {
    const kids = parent.kids;
    for (let i = 2; i < kids.length; i++) {
      const [h, p, t] = [kids[i - 2]!, kids[i - 1]!, kids[i]!].map((k) => elems.get(k)!);
      if (!/^H\d?$/.test(h!.role) || p!.role !== 'P' || t!.role !== 'Table') continue;
      const body = rowsOf(kids[i]!).filter((r) => !elems.get(r)!.kids.every((c) => elems.get(c)!.role === 'TH'));
      const first = body.map((r) => pagesOf(r)).find((pages) => pages.length > 0);
      const intro = pagesOf(kids[i - 1]!);
      if (!first || intro.length === 0) continue;
      checked++;
      if (Math.max(...intro) < Math.min(...first)) out.push(`p${Math.max(...intro)}: intro before a table on p${Math.min(...first)}`);
    }
  }
  return { checked, parted: out };
}
