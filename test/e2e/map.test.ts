// The wall's 地图 page at 1920×1080: the real county outline with every project as a point, counts
// by state, a project's card on hover and on click, and a new start rippling. Then the console's
// 县域地图 page: the current map's preview and a bad upload's reasons in Chinese.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CountyMapView } from '../../shared/map.js';
import { ARTIFACTS, atRest, hasChromium, launchBrowser } from './browser.js';
import { startDemoServer } from './demoServer.js';
import { E2E_ADMIN, type ServerProcess } from './serverProcess.js';

/** Where ECharts puts [lon, lat] with the map page's geo layout: fitted, shape kept, into the chart less its margins (MAP_BOX.wall). */
function pixelOf(map: CountyMapView, box: { x: number; y: number; width: number; height: number }, lon: number, lat: number) {
  const coords = map.geojson!.features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : []));
  const [minLon, maxLon] = [Math.min(...coords.map((c) => c[0])), Math.max(...coords.map((c) => c[0]))];
  const [minLat, maxLat] = [Math.min(...coords.map((c) => c[1])), Math.max(...coords.map((c) => c[1]))];
  const scale = Math.round(Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180) * 1000) / 1000;
  const aspect = ((maxLon - minLon) / (maxLat - minLat)) * scale;
  const inner = { x: box.x + 12, y: box.y + 56, width: box.width - 24, height: box.height - 68 };
  const [w, h] = inner.width / inner.height > aspect ? [inner.height * aspect, inner.height] : [inner.width, inner.width / aspect];
  const [left, top] = [inner.x + (inner.width - w) / 2, inner.y + (inner.height - h) / 2];
  return { x: left + ((lon - minLon) / (maxLon - minLon)) * w, y: top + ((maxLat - lat) / (maxLat - minLat)) * h };
}

/** The map charts, whose project points ripple without end. */
const MAPS = '[data-testid="county-map"], [data-testid="map-preview"]';

describe.skipIf(!hasChromium())('the county map', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let cookie: string;
  let snapshot: any;
  const get = async (p: string) => (await fetch(`${server.url}${p}`, { headers: { cookie } })).json();
  const stateCount = async (state: string) => Number(await page.locator(`[data-testid="map-state-counts"] li[data-state="${state}"] .count`).innerText());

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(E2E_ADMIN),
    });
    cookie = res.headers.get('set-cookie')!.split(';')[0];
    const token = await fetch(`${server.url}/api/display-tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: '地图测试大屏' }),
    });
    snapshot = await get('/api/snapshot');
    await page.goto(`${server.url}${(await token.json()).url}&page=map`);
    await page.locator('[data-testid="conn-status"][data-state="live"]').waitFor({ timeout: 15_000 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.remove();
  });

  it('shows the county outline with every project as a point, counted by state', async () => {
    await page.locator(`[data-testid="county-map"][data-points="${snapshot.totals.projects}"] canvas`).first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.panel-title h2', { hasText: '弋阳县重点项目分布' }).count()).toBe(1);
    expect(await page.locator('[data-testid="map-message"]').count()).toBe(0);
    const counts = await Promise.all(['started', 'construction', 'completed', 'lagging', 'planned'].map(stateCount));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(snapshot.totals.projects);
    expect(await stateCount('lagging')).toBe(snapshot.totals.laggingCount);
    expect(await page.locator('[data-testid="map-townships"] li').count()).toBeGreaterThan(5);
    // The outline's entrance done; the points ripple for ever and are not waited for.
    await atRest(page, { ignore: MAPS });
    await page.screenshot({ path: `${ARTIFACTS}/map-1920x1080.png` });
  });

  it("shows a project's name, unit and township on hover, and its card on click", async () => {
    const map = (await get('/api/map')) as CountyMapView;
    const projects = (await get('/api/projects')) as { id: number; name: string; unit: string; township: string; lat: number; lon: number }[];
    // The most isolated project, so no other point lies over it.
    const distance = (a: (typeof projects)[0], b: (typeof projects)[0]) => Math.hypot(a.lon - b.lon, a.lat - b.lat);
    const target = projects
      .map((p) => ({ p, nearest: Math.min(...projects.filter((q) => q.id !== p.id).map((q) => distance(p, q))) }))
      .sort((a, b) => b.nearest - a.nearest)[0].p;
    const box = (await page.locator('[data-testid="county-map"]').boundingBox())!;
    const { x, y } = pixelOf(map, box, target.lon, target.lat);
    // ECharts puts its tooltip beside the canvas, inside the chart's element.
    const tooltip = page.locator('[data-testid="county-map"] > div').filter({ hasText: '责任单位' });
    let at: { x: number; y: number } | null = null;
    for (const [dx, dy] of [[0, 0], [3, 0], [-3, 0], [0, 3], [0, -3], [5, 5], [-5, -5], [5, -5], [-5, 5]]) {
      await page.mouse.move(x + dx, y + dy);
      if (await tooltip.waitFor({ state: 'visible', timeout: 800 }).then(() => true, () => false)) {
        at = { x: x + dx, y: y + dy };
        break;
      }
    }
    expect(at, `no tooltip near ${x},${y}`).not.toBeNull();
    const text = await tooltip.innerText();
    expect(text).toContain(target.name);
    expect(text).toContain(`责任单位：${target.unit}`);
    expect(text).toContain(`所在乡镇：${target.township}`);
    await page.screenshot({ path: `${ARTIFACTS}/map-tooltip-1920x1080.png` });

    await page.mouse.click(at!.x, at!.y);
    await page.locator(`[data-testid="project-card"][data-project-id="${target.id}"]`).waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="drill-title"]').innerText()).toBe(target.name);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="drill-overlay"]').waitFor({ state: 'detached' });
  });

  it('moves a new start to 已开工 at once and ripples its point', async () => {
    const projects = (await get('/api/projects')) as { id: number; name: string; startedOn: string | null }[];
    const target = projects.find((p) => p.startedOn === null)!;
    expect(target).toBeTruthy();
    const before = await stateCount('started');
    const res = await fetch(`${server.url}/api/projects/${target.id}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ month: snapshot.today.slice(0, 7), investment: '300', progress: '场地平整，正式开工', startedOn: snapshot.today }),
    });
    expect(res.status).toBe(201);
    await page.locator('[data-testid="county-map"][data-rippling="1"]').waitFor({ timeout: 5_000 });
    await expect.poll(() => stateCount('started')).toBe(before + 1);
    // The picture is of the ripple itself: taken while it runs.
    await page.screenshot({ path: `${ARTIFACTS}/map-ripple-1920x1080.png` });
  });

  it("previews the map on the console and lists a bad file's problems in Chinese", async () => {
    const admin = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await admin.context().addCookies([{ name: cookie.split('=')[0], value: cookie.split('=').slice(1).join('='), url: server.url }]);
    await admin.goto(`${server.url}/admin/map`);
    await admin.locator('[data-testid="map-info"]').waitFor({ timeout: 15_000 });
    expect(await admin.locator('[data-testid="map-info"]').innerText()).toContain('弋阳县');
    await admin.locator('[data-testid="map-preview"] canvas').first().waitFor();
    expect(await admin.locator('[data-testid="map-info"]').innerText()).toContain('0 个不在县域内');

    const bad = path.join(tmpdir(), `swapped-${process.pid}.geojson`);
    writeFileSync(bad, JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: '弋阳县' }, geometry: { type: 'Polygon', coordinates: [[[28.1, 117.2], [28.6, 117.2], [28.6, 117.7], [28.1, 117.2]]] } }],
    }));
    await admin.locator('[data-testid="map-file"]').setInputFiles(bad);
    const errors = admin.locator('[data-testid="map-errors"]');
    await errors.waitFor();
    expect(await errors.innerText()).toContain('经纬度是否写反');
    expect(await errors.innerText()).toContain('第 1 个要素');
    // Nothing changed: the map is still the demo outline.
    expect(((await get('/api/map')) as CountyMapView).info?.outline).toBe('弋阳县');
    await atRest(admin, { ignore: MAPS });
    await admin.screenshot({ path: `${ARTIFACTS}/admin-map-1600x900.png`, fullPage: true });
    await admin.close();
  });
});
