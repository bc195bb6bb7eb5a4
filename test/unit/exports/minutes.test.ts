import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMinutesDocx, chineseNumber, type MinutesDoc } from '../../../server/exports/minutes.js';
import { DISPATCH_MEETING, EMPTY_MEETING } from '../domain/problemFixtures.js';

const MINUTES: MinutesDoc = {
  county: '上犹县',
  issuingOffice: '上犹县“项目大会战”指挥部办公室',
  docNumber: '上项指办纪〔2021〕2号',
  meeting: DISPATCH_MEETING,
  issuedOn: '2021-04-12',
};

const EMPTY: MinutesDoc = { ...MINUTES, docNumber: null, meeting: EMPTY_MEETING, issuedOn: '2021-04-21' };

async function docxParts(buffer: Buffer): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, text };
}

describe('会议纪要 .docx', () => {
  it('has the red header, 文号, title, meeting particulars and attendees', async () => {
    const { xml, text } = await docxParts(await buildMinutesDocx(MINUTES));
    expect(text.startsWith('上犹县“项目大会战”指挥部办公室上项指办纪〔2021〕2号2021年第一季度“项目大会战”调度推进会纪要')).toBe(true);
    expect(xml.match(/<w:r><w:rPr>.*?<\/w:rPr>/)?.[0]).toContain('<w:color w:val="E60012"/>');
    expect(text).toContain('2021年4月8日，县长刘强在县政府三楼会议室主持召开2021年第一季度“项目大会战”调度推进会，');
    expect(text).toContain('参会人员：县长刘强、常务副县长陈明、县发改委主任周平、县自然资源局局长吴涛、县财政局局长黄丽、县工业园区管委会主任钟伟。');
    expect(text).toContain('研究了以下事项，现纪要如下：');
    expect(xml.match(/<w:pgSz[^>]*>/)?.[0]).toContain('w:w="11906" w:h="16838"');
  });

  it('sets out each item with its problem, decision, owner and deadline', async () => {
    const { text } = await docxParts(await buildMinutesDocx(MINUTES));
    expect(text).toContain('一、上犹县电子信息产业园标准厂房（三期）（县工业园区管委会）');
    expect(text).toContain('存在问题（用地保障）：三期用地约86亩农转用报批未获批复，影响场平施工。');
    expect(text).toContain('议定事项：由县自然资源局牵头，4月20日前完成农转用报批材料补正并报省厅审批；县工业园区管委会同步做好场平前期准备。');
    expect(text).toContain('责任单位：县自然资源局；完成时限：2021年4月30日。');
    expect(text).toContain('二、上犹县城区污水管网改造工程（县城投公司）');
    expect(text).toContain('责任单位：县财政局；完成时限：2021年4月15日。');
    expect(text).toContain('三、陡水湖旅游度假区游客服务中心（县文广新旅局）');
    expect(text).toContain('议定事项：本次会议未形成决定，下次会议继续调度。');
    // No decision, so no owner or deadline is put in its mouth.
    expect(text).not.toContain('责任单位：县文广新旅局');
  });

  it('calls for 通报批评 only on items open after two meetings', async () => {
    const { text } = await docxParts(await buildMinutesDocx(MINUTES));
    const line = '该问题经两次会议调度仍未解决，予以通报批评';
    expect(text.split(line)).toHaveLength(2);
    expect(text.indexOf(line)).toBeLessThan(text.indexOf('二、上犹县城区污水管网改造工程'));
    expect(text.endsWith('上犹县“项目大会战”指挥部办公室2021年4月12日')).toBe(true);
  });

  it('says so in a sentence when nothing was on the agenda, and draws the rule without a 文号', async () => {
    const { xml, text } = await docxParts(await buildMinutesDocx(EMPTY));
    expect(text).toContain('4月份重大项目建设协调推进部门联席会纪要');
    expect(text).toContain('2021年4月8日，县发改委主任周平主持召开4月份重大项目建设协调推进部门联席会，');
    expect(text).toContain('本次会议无提请协调解决的问题事项。');
    expect(text).not.toContain('议定事项');
    expect(text).not.toContain('参会人员');
    expect(text).not.toContain('〔2021〕');
    expect(xml).toContain('<w:color w:val="E60012"/>');
  });

  it('names the kind when the title does not, with the domain of a 领导小组会', async () => {
    const meeting = { ...EMPTY_MEETING, kind: 'domain_group' as const, domainId: 1, domain: '工业', title: '4月份工业项目调度会' };
    const { text } = await docxParts(await buildMinutesDocx({ ...EMPTY, meeting }));
    expect(text).toContain('主持召开4月份工业项目调度会（工业领域领导小组会），');
    expect(text).toContain('会议听取了工业领域重大项目建设情况');
  });

  it('numbers sections the 公文 way', () => {
    expect([1, 9, 10, 11, 20, 21, 99, 100, 105, 110, 200].map(chineseNumber)).toEqual([
      '一', '九', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十', '二百',
    ]);
  });
});

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);
if (!soffice) console.warn('LibreOffice is not installed (no soffice on PATH): skipping the PDF rendering check of the minutes.');

describe.skipIf(!soffice)('会议纪要 in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-'));
  const profile = `/tmp/lo-minutes-${process.pid}`;
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('converts to a non-empty PDF', { timeout: 180_000 }, async () => {
    const files = { 'minutes.docx': await buildMinutesDocx(MINUTES), 'minutes-empty.docx': await buildMinutesDocx(EMPTY) };
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
    const run = spawnSync(
      soffice!,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(files).map((f) => join(dir, f))],
      { timeout: 120_000, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    for (const name of Object.keys(files)) {
      const pdf = join(dir, name.replace(/\.docx$/, '.pdf'));
      expect(statSync(pdf).size).toBeGreaterThan(1_000);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    }
    // Set EXPORTS_PREVIEW_DIR to keep the PDFs and PNG pages for a look.
    const preview = process.env.EXPORTS_PREVIEW_DIR;
    if (preview) {
      mkdirSync(preview, { recursive: true });
      for (const name of Object.keys(files)) {
        const pdf = name.replace(/\.docx$/, '.pdf');
        copyFileSync(join(dir, pdf), join(preview, pdf));
        spawnSync('pdftoppm', ['-png', '-r', '60', join(dir, pdf), join(preview, pdf.replace(/\.pdf$/, ''))], { timeout: 60_000 });
      }
    }
  });
});
