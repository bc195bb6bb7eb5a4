// CSV as Excel writes it: UTF-8 (with or without BOM) or, from Chinese Windows, GBK; quoted fields
// with embedded commas, quotes and line breaks.
import type { Sheet, SheetRow } from './sheet.js';

/** UTF-8 when the bytes are valid UTF-8, else GBK (what 另存为 CSV gives on Chinese Windows). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** Rows numbered by the line each starts on. Cells are text: the import normalises them. */
export function parseCsv(text: string, name = 'CSV'): Sheet {
  const rows: SheetRow[] = [];
  const delimiter = detectDelimiter(text);
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const endRow = () => {
    cells.push(field);
    rows.push({ row: rowStart, cells: cells.map((c) => (c === '' ? null : c)) });
    cells = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; field += ch; }
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) { cells.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') continue;
    else if (ch === '\n' || ch === '\r') { endRow(); line++; rowStart = line; }
    else field += ch;
  }
  if (field !== '' || cells.length) endRow();
  return { name, rows };
}

/** Comma, or the tab or semicolon some exports use when the first line has more of them. */
function detectDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', '\t', ';'].map((d) => [d, first.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][1] > 1 ? counts[0][0] : ',';
}
