import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBulletinDocx, versusSchedule } from '../../../server/exports/bulletin.js';
import { buildBulletinXlsx } from '../../../server/exports/bulletinXlsx.js';
import { chineseDate, chineseDateIn, monthsToDate, percentText, wanText, weightShares, yiText } from '../../../server/exports/format.js';
import { titleLines } from '../../../server/exports/gongwen.js';
import { buildLetterDocx } from '../../../server/exports/letter.js';
import { BULLETIN, BULLETIN_WITH_PRIOR_YEAR, QUIET_BULLETIN, SUPERVISION, WARNING } from './fixtures.js';

/** document.xml of a .docx, and its text with the runs joined. */
async function docxParts(buffer: Buffer): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, text };
}

const tableCount = (xml: string) => xml.match(/<w:tbl>/g)?.length ?? 0;

describe('display formatting', () => {
  it('rounds integer yuan to 万元 and 亿元 exactly, half away from zero', () => {
    expect(wanText(45_678_950)).toBe('4,567.90');
    expect(wanText(123_456_789)).toBe('12,345.68');
    expect(wanText(1_000_000_000_000)).toBe('100,000,000.00');
    expect(wanText(49)).toBe('0.00');
    expect(wanText(-5_000)).toBe('-0.50');
    expect(yiText(8_490_000_000)).toBe('84.90');
    expect(yiText(3_845_970_000)).toBe('38.46');
  });

  it('writes dates, months and rates the way 公文 do', () => {
    expect(chineseDate('2020-06-03')).toBe('2020年6月3日');
    expect(chineseDateIn('2020-12-20', 2020)).toBe('12月20日');
    expect(chineseDateIn('2021-01-05', 2020)).toBe('2021年1月5日');
    expect(monthsToDate('2020-05')).toBe('1—5月');
    expect(monthsToDate('2020-01')).toBe('1月');
    expect(percentText(0.453)).toBe('45.3%');
    expect(versusSchedule(0.453, 0.5)).toBe('低于序时进度（50.0%）4.7个百分点');
    expect(versusSchedule(0.5004, 0.5)).toBe('与序时进度（50.0%）持平');
    expect(weightShares({ investment: 1, start: 1, completion: 1, timeliness: 0, problems: 0 }).map((w) => w.share)).toEqual(['33.3', '33.3', '33.3', '0', '0']);
  });
});

describe('公文 titles', () => {
  it('break a title just over one line after 的 rather than leave a lone character', () => {
    expect(titleLines('弋阳县2020年5月重点项目推进情况通报')).toEqual(['弋阳县2020年5月重点项目推进情况通报']);
    expect(titleLines(WARNING.title)).toEqual(['关于县城投公司重点项目进度滞后的', '预警提示函']);
    for (const line of titleLines('关于督促县城投公司及县交通运输局加快推进重点项目建设督办函')) expect(line.length).toBeGreaterThan(5);
  });
});

describe('预警提示函 / 督办函', () => {
  it('carries the 文号, addressee, projects and figures on an A4 page with a red header', async () => {
    const { xml, text } = await docxParts(await buildLetterDocx(WARNING));
    expect(text).toContain('弋阳县重点项目推进办公室');
    expect(text).toContain('重推预字〔2020〕3号');
    expect(text).toContain('关于县城投公司重点项目进度滞后的预警提示函');
    expect(text).toContain('县城投公司：');
    expect(text).toContain('截至2020年5月底');
    for (const p of WARNING.projects) expect(text).toContain(p.name);
    for (const figure of ['12,345.68', '4,567.90', '8,000.00', '1,200.00', '37.0%', '41.7%', '15.0%', '50.0%']) expect(text).toContain(figure);
    expect(text).toContain('达4.7个百分点；问题逾期未解决');
    expect(text).toContain('2020年6月13日前将整改落实情况书面报送');
    expect(text).toContain('特此函告。');
    expect(text.endsWith('弋阳县重点项目推进办公室2020年6月3日')).toBe(true);
    expect(xml.match(/<w:r><w:rPr>.*?<\/w:rPr>/)?.[0]).toContain('<w:color w:val="E60012"/>');
    expect(tableCount(xml)).toBe(1);
    expect(xml.match(/<w:pgSz[^>]*>/)?.[0]).toContain('w:w="11906" w:h="16838"');
  });

  it('names the unanswered warning letters in a 督办函', async () => {
    const { text } = await docxParts(await buildLetterDocx(SUPERVISION));
    expect(text).toContain('重推督字〔2020〕1号');
    expect(text).toContain('预警提示函（重推预字〔2020〕3号、重推预字〔2020〕5号）');
    expect(text).toContain('虽已报送情况说明');
    expect(text).toContain('仍存在投资进度滞后于序时进度、未按计划开工等问题');
    expect(text).toContain('特此督办。');
    const silent = (await docxParts(await buildLetterDocx({ ...SUPERVISION, explained: false }))).text;
    expect(silent).toContain('未按要求反馈整改落实情况');
    expect(text).not.toContain('特此函告');
  });
});

describe('月通报 .docx', () => {
  it('has the five sections with the county figures, tables and ranking weights', async () => {
    const { xml, text } = await docxParts(await buildBulletinDocx(BULLETIN));
    expect(text).toContain('弋阳县2020年5月重点项目推进情况通报');
    expect(text).toContain('（2020年6月8日）');
    for (const h of ['一、总体情况', '二、分领域情况', '三、单位比赶超排名', '四、滞后项目', '五、问题协调情况']) expect(text).toContain(h);
    expect(text).toContain('年度计划投资84.90亿元。1—5月累计完成投资38.46亿元，占年度计划的45.3%，超序时进度（41.7%）3.6个百分点');
    expect(text).toContain('计划新开工项目24个，已开工15个，开工率62.5%；计划竣工项目12个，已竣工3个，竣工率25.0%；进度滞后项目3个。');
    expect(text).toContain('500,000.00');
    expect(text).toContain('合计');
    expect(text).toContain('650,000.00');
    expect(text).toContain('权重为投资进度40%、项目开工15%、项目竣工15%、按时报送15%、问题解决15%。');
    expect(text).toContain('本月排名前列的单位是县工业园区管委会、县交通运输局、县教育体育局；排名末位的是县城投公司。');
    expect(text).toContain('81.3');
    expect(text).toContain('全县共有3个项目进度滞后，下表列出滞后最严重的1个');
    expect(text).toContain('红色');
    expect(text).toContain('尚有未销号问题2个，其中逾期1个；5月共销号问题4个。');
    expect(text).toContain('厂区扩建用地约12亩尚未完成报批');
    expect(text).toContain('3月2日4月30日');
    expect(tableCount(xml)).toBe(6);
  });

  it('prints 年度目标 only in a table where some group has a target', async () => {
    const withTargets = (await docxParts(await buildBulletinDocx(BULLETIN))).text;
    expect(withTargets).toContain('年度目标');
    const none = { ...BULLETIN, byDomain: BULLETIN.byDomain.map((g) => ({ ...g, target: null })), byLevel: BULLETIN.byLevel.map((g) => ({ ...g, target: null })) };
    const { text } = await docxParts(await buildBulletinDocx(none));
    expect(text).not.toContain('年度目标');
    expect(text).toContain('表1  分领域投资完成情况');
  });

  it('compares with the same month of the year before where the county has it (同比)', async () => {
    const { text } = await docxParts(await buildBulletinDocx(BULLETIN_WITH_PRIOR_YEAR));
    expect(text).toContain('1—5月累计完成投资38.46亿元（同比增长11.5%），占年度计划的45.3%');
    expect(text).toContain('已开工15个（同比增加3个），开工率62.5%；计划竣工项目12个，已竣工3个（同比减少2个），竣工率25.0%');
    expect((await docxParts(await buildBulletinDocx(BULLETIN))).text).not.toContain('同比');
    const nothingLastYear = { ...BULLETIN_WITH_PRIOR_YEAR, priorYear: { ...BULLETIN_WITH_PRIOR_YEAR.priorYear!, completed: 0, started: 15 } };
    const { text: first } = await docxParts(await buildBulletinDocx(nothingLastYear));
    expect(first).toContain('累计完成投资38.46亿元，占年度计划');
    expect(first).toContain('已开工15个（同比持平）');
  });

  it('says so in a sentence instead of drawing an empty table', async () => {
    const { xml, text } = await docxParts(await buildBulletinDocx(QUIET_BULLETIN));
    for (const s of ['本月无分层级数据。', '本月暂无单位排名数据。', '本月无滞后项目。', '全县重点项目无未销号问题', '本年度尚无报送县级协调的问题。', '无进度滞后项目。']) {
      expect(text).toContain(s);
    }
    expect(tableCount(xml)).toBe(1);
    expect(text).toContain('各领域项目投资完成情况见表1。');
    expect(text).not.toContain('表2');
  });
});

describe('月通报 .xlsx', () => {
  async function load(doc = BULLETIN) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildBulletinXlsx(doc)) as never);
    return wb;
  }

  it('has one sheet per section, each with a merged title and a frozen bold header', async () => {
    const wb = await load();
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['总体情况', '分领域', '分层级', '单位排名', '滞后项目', '问题台账']);
    for (const ws of wb.worksheets) {
      expect(ws.getCell('A1').isMerged).toBe(true);
      expect(String(ws.getCell('A1').value)).toContain(BULLETIN.title);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(ws.getRow(2).getCell(1).font?.bold).toBe(true);
      expect(ws.getRow(2).getCell(1).border?.top?.style).toBe('thin');
    }
  });

  it('stores 万元 and rates as numbers with display formats', async () => {
    const wb = await load();
    const domain = wb.getWorksheet('分领域')!;
    // exceljs's row values are 1-based: index 0 is a hole.
    // eslint-disable-next-line no-sparse-arrays
    expect(domain.getRow(2).values).toEqual([, '领域', '项目数(个)', '年度目标(万元)', '年度计划(万元)', '累计完成(万元)', '完成率', '序时计划(万元)', '完成/序时', '滞后项目(个)']);
    expect(domain.getCell('A3').value).toBe('工业');
    expect(domain.getCell('C3').value).toBe(500_000);
    expect(domain.getCell('C3').numFmt).toBe('#,##0.00');
    expect(domain.getCell('C4').value).toBeNull();
    expect(domain.getCell('F3').value).toBe(BULLETIN.byDomain[0].completionRate);
    expect(domain.getCell('F3').numFmt).toBe('0.0%');
    expect(domain.getCell('A6').value).toBe('合计');
    expect(domain.getCell('D6').value).toBe(849_000);

    const lagging = wb.getWorksheet('滞后项目')!;
    expect(lagging.getCell('C3').value).toBe('弋阳县城南污水处理厂提标改造工程');
    expect(lagging.getCell('G3').value).toBe(12_345.6789);
    expect(lagging.getCell('H3').value).toBe(4_567.895);
    expect(lagging.getCell('J3').value).toBe(5 / 12);
    expect(lagging.getCell('L3').value).toBe('红色');
    expect(lagging.getColumn(3).width).toBeGreaterThanOrEqual(34);

    const overall = wb.getWorksheet('总体情况')!;
    const figures = new Map(overall.getSheetValues().slice(3).filter(Boolean).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(figures.get('年度计划(万元)')).toBe(849_000);
    expect(figures.get('累计完成(万元)')).toBe(384_597);
    expect(figures.get('完成率')).toBe(BULLETIN.totals.completionRate);
    expect(figures.get('用地保障')).toBe(1);

    const ranking = wb.getWorksheet('单位排名')!;
    expect(ranking.getCell('B3').value).toBe('县工业园区管委会');
    expect(ranking.getCell('N4').value).toBe(81.25);
    expect(ranking.getCell('N4').numFmt).toBe('0.0');
    expect(wb.getWorksheet('问题台账')!.getCell('E3').value).toBe('厂区扩建用地约12亩尚未完成报批，影响二期管网施工');
  });

  it('puts the same month of the year before beside the figures, and the growth as a rate (同比)', async () => {
    const rows = (wb: ExcelJS.Workbook) =>
      new Map(wb.getWorksheet('总体情况')!.getSheetValues().slice(3).filter(Boolean).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    const wb = await load(BULLETIN_WITH_PRIOR_YEAR);
    const figures = rows(wb);
    expect(figures.get('2019年同期累计完成(万元)')).toBe(344_930);
    expect(figures.get('累计完成同比增长')).toBe(3_845_970_000 / 3_449_300_000 - 1);
    expect(figures.get('2019年同期已开工(个)')).toBe(12);
    expect(figures.get('2019年同期已竣工(个)')).toBe(5);
    const overall = wb.getWorksheet('总体情况')!;
    const growthRow = overall.getColumn(1).values.indexOf('累计完成同比增长');
    expect(overall.getRow(growthRow).getCell(2).numFmt).toBe('0.0%');
    expect(overall.getRow(growthRow - 2).getCell(1).value).toBe('累计完成(万元)');
    expect([...rows(await load()).keys()].some((k) => /同期|同比/.test(String(k)))).toBe(false);
  });

  it('writes a sentence on sheets with nothing to list', async () => {
    const wb = await load(QUIET_BULLETIN);
    expect(wb.getWorksheet('滞后项目')!.getCell('A3').value).toBe('本月无滞后项目。');
    expect(wb.getWorksheet('问题台账')!.getCell('A3').value).toBe('目前无未销号问题。');
    expect(wb.getWorksheet('单位排名')!.getCell('A3').value).toBe('本月暂无单位排名数据。');
  });
});

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);
if (!soffice) console.warn('LibreOffice is not installed (no soffice on PATH): skipping the PDF rendering check of the exports.');

describe.skipIf(!soffice)('rendering in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('converts every document to a non-empty PDF', { timeout: 180_000 }, async () => {
    const files = {
      'warning.docx': await buildLetterDocx(WARNING),
      'supervision.docx': await buildLetterDocx(SUPERVISION),
      'bulletin.docx': await buildBulletinDocx(BULLETIN),
      'bulletin-quiet.docx': await buildBulletinDocx(QUIET_BULLETIN),
      'bulletin-sheets.xlsx': await buildBulletinXlsx(BULLETIN),
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
    const run = spawnSync(
      soffice!,
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(files).map((f) => join(dir, f))],
      { timeout: 120_000, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    for (const name of Object.keys(files)) {
      const pdf = join(dir, name.replace(/\.\w+$/, '.pdf'));
      expect(statSync(pdf).size).toBeGreaterThan(1_000);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    }
    // Set EXPORTS_PREVIEW_DIR to keep the PDFs and PNG pages for a look.
    const preview = process.env.EXPORTS_PREVIEW_DIR;
    if (preview) {
      mkdirSync(preview, { recursive: true });
      for (const pdf of readdirSync(dir).filter((f) => f.endsWith('.pdf'))) {
        copyFileSync(join(dir, pdf), join(preview, pdf));
        spawnSync('pdftoppm', ['-png', '-r', '60', join(dir, pdf), join(preview, pdf.replace(/\.pdf$/, ''))], { timeout: 60_000 });
      }
    }
  });
});
