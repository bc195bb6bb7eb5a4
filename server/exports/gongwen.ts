// The 公文 page (GB/T 9704 in spirit): A4, 37/35/28/26 mm margins, 三号仿宋 body on a 28 pt grid,
// 黑体 first-level headings, a red issuing-office mark over a red rule. Shared by letters and bulletins.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip as mm,
  type FileChild,
} from 'docx';

const RED = 'E60012';
/** Sizes are in half-points: 三号 16 pt, 二号 22 pt, 五号 10.5 pt, 小五 9 pt. */
const BODY = 32;
const TITLE = 44;
const TABLE = 21;
const TABLE_SMALL = 18;
/** 28 pt between baselines, the usual 22 lines a page. */
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
const TWO_CHARS = 2 * 320;
/** A4 in twips, as Word writes it. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** Chinese text in `eastAsia`, figures in Times New Roman as 公文 print them. */
function font(eastAsia: string) {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia };
}
const SONG = font('宋体');
const FANGSONG = font('仿宋');
const HEITI = font('黑体');
const KAITI = font('楷体');

function run(text: string, opts: { font?: ReturnType<typeof font>; size?: number; bold?: boolean; color?: string } = {}): TextRun {
  return new TextRun({ text, font: opts.font ?? FANGSONG, size: opts.size ?? BODY, bold: opts.bold, color: opts.color });
}

/** 发文机关标志: red, centred, as large as the line allows (at most 小初). */
export function officeMark(office: string): Paragraph {
  const points = Math.min(36, Math.floor(400 / Math.max(office.length, 1)));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 480 },
    children: [run(office, { font: SONG, size: points * 2, bold: true, color: RED })],
  });
}

/** 发文字号 centred, then the red rule under it. */
export function docNumberWithRule(docNumber: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...LINE, after: 560 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
    children: [run(docNumber)],
  });
}

/** Only the red rule, for documents without a 文号. */
export function redRule(): Paragraph {
  return new Paragraph({
    spacing: { after: 560 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 1 } },
    children: [],
  });
}

/** 标题: 二号小标宋 (宋体 bold as the common substitute), centred; two lines break where the sense allows. */
export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 560 },
    children: titleLines(text).map((line, i) => new TextRun({ text: line, break: i ? 1 : 0, font: SONG, size: TITLE, bold: true })),
  });
}

/**
 * A title a little too long for one line would wrap with a lone character on the second. Split it in
 * two instead: after 的 / 于 / 、 where both halves fit, else at the most even point.
 */
export function titleLines(text: string): string[] {
  const perLine = Math.floor(TEXT_WIDTH / (TITLE * 10));
  const chars = [...text];
  // CJK fonts set curly quotes, dashes and the ellipsis full width, though they sit below U+2E80.
  const wide = (c: string) => c.codePointAt(0)! >= 0x2e80 || /[\u2010-\u2027]/.test(c);
  const width = (part: string[]) => part.reduce((w, c) => w + (wide(c) ? 1 : 0.5), 0);
  if (width(chars) <= perLine) return [text];
  const splits = chars
    .map((_, i) => i)
    .filter((i) => i > 0 && width(chars.slice(0, i)) <= perLine && width(chars.slice(i)) <= perLine);
  if (!splits.length) return [text];
  const natural = splits.filter((i) => '的于、，'.includes(chars[i - 1]));
  const evenness = (i: number) => Math.abs(width(chars.slice(0, i)) - width(chars.slice(i)));
  const at = (natural.length ? natural : splits).reduce((best, i) => (evenness(i) < evenness(best) ? i : best));
  return [chars.slice(0, at).join(''), chars.slice(at).join('')];
}

/** A line flush left, e.g. the 主送 "县城投公司：". */
export function plain(text: string): Paragraph {
  return new Paragraph({ spacing: LINE, children: [run(text)] });
}

/** A body paragraph: justified, first line indented two characters. */
export function body(text: string, keepNext = false): Paragraph {
  return new Paragraph({ alignment: AlignmentType.BOTH, spacing: LINE, indent: { firstLine: TWO_CHARS }, keepNext, children: [run(text)] });
}

/** 一级标题 "一、总体情况" in 黑体. */
export function heading(text: string): Paragraph {
  return new Paragraph({ spacing: LINE, indent: { firstLine: TWO_CHARS }, keepNext: true, children: [run(text, { font: HEITI })] });
}

/**
 * The closing sentence, then 发文机关署名 and 成文日期 right-aligned four characters in from the margin,
 * kept on one page so the date never stands alone on the last page.
 */
export function closing(sentence: string, office: string, date: string): Paragraph[] {
  const right = (text: string, keepNext: boolean) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: TWO_CHARS * 2 }, keepNext, children: [run(text)] });
  return [body(sentence, true), new Paragraph({ spacing: LINE, keepNext: true, children: [] }), right(office, true), right(date, false)];
}

export interface Column {
  header: string;
  /** Relative width; the columns share the text width in proportion. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/**
 * A bordered table, bold header repeated on every page, rows that do not split. 五号 by default,
 * 小五 for tables with many columns of long text; `share` of the text width (all of it by default).
 * A "\n" in a cell starts a new line.
 */
export function table(columns: Column[], rows: string[][], opts: { small?: boolean; share?: number } = {}): Table {
  const size = opts.small ? TABLE_SMALL : TABLE;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.floor((TEXT_WIDTH * (opts.share ?? 1) * c.width) / total));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : ALIGN[columns[i].align ?? 'center'],
          children: text.split('\n').map((line, n) => new TextRun({ text: line, break: n ? 1 : 0, font: header ? HEITI : FANGSONG, size })),
        }),
      ],
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, i, false)) })),
    ],
  });
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** 表题 above a table: centred 黑体 四号. */
export function caption(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, keepNext: true, children: [run(text, { font: HEITI, size: 28 })] });
}

/** A dated line under the title: "（2020年6月3日）". */
export function dateline(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...LINE, after: 280 }, children: [run(text, { font: KAITI })] });
}

/** A small gap after a table, so the next paragraph does not touch its bottom border. */
export function gap(): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [] });
}

/** The whole document: one A4 section with "— 1 —" page numbers, packed to a Buffer. */
export function packGongwen(docTitle: string, children: FileChild[]): Promise<Buffer> {
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: 28 })],
  });
  const doc = new Document({
    title: docTitle,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { ...MARGIN, footer: mm(20) },
          },
        },
        footers: { default: new Footer({ children: [pageNumber] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
