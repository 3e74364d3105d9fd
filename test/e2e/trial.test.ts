import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { parseScenario } from '../../src/scenario/index.ts';
import { runTask } from '../../src/tasks/runTask.ts';
import { openLab, SHOTS, skipReason, type Lab } from './helpers.ts';

const skip = skipReason();
if (skip) console.log(`# ${skip}`);

describe('web lab trial page in Chromium, served by follisim serve', { skip: skip ?? false, timeout: 300_000 }, () => {
  let lab: Lab;
  let page: Page;
  before(async () => {
    lab = await openLab('/#trial', '#trial-run');
    page = lab.page;
  });
  after(() => lab?.close());

  it('runs a small trial in Web Workers: curves with CI bands, waterfall, responders, flow and photographs; numbers equal a Node run', async () => {
    await page.fill('#trial-per-arm', '40');
    await page.fill('#trial-weeks', '24');
    await page.click('#trial-run');
    await lab.waitState('done');
    // the curve chart has one line and one CI band (an area) per arm
    assert.equal(await page.locator('#trial-curves > svg').count(), 1);
    assert.ok((await page.locator('#trial-curves svg [aria-label="area"] path').count()) >= 2, 'CI bands');
    assert.match((await page.textContent('#trial-curves')) ?? '', /Week/);
    assert.equal(await page.locator('#trial-waterfall > svg').count(), 1);
    assert.ok((await page.locator('#trial-waterfall svg rect').count()) >= 60, 'one bar per analysed man');
    assert.equal(await page.locator('#trial-responders > svg').count(), 1);
    assert.match((await page.textContent('#trial-flow')) ?? '', /screened[\s\S]*minox5: randomized\s*40[\s\S]*placebo: randomized\s*40/);
    // two sample men per arm, a baseline and an end photograph each, decoded by the browser
    const photos = page.locator('#trial-photos img');
    assert.equal(await photos.count(), 8);
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('#trial-photos img')).every((i) => i.complete && i.naturalWidth > 0));
    await lab.shot('trial');
    const { text, summary, seed } = await page.evaluate(() => window.follisimLab);
    const parsed = parseScenario(text ?? '');
    assert.ok(parsed.ok);
    assert.equal(parsed.value.model, 'trial');
    const node = await runTask(parsed.value, { seed });
    assert.deepEqual(summary, JSON.parse(JSON.stringify(node.output.summary)), 'the same seed gives the same numbers in the browser as in Node');
  });

  it('downloads the same files the CLI writes', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#trial-download')]);
    const path = join(SHOTS, download.suggestedFilename());
    await download.saveAs(path);
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    for (const f of ['summary.json', 'manifest.json', 'report.html', 'visits.csv', 'subjects.csv', 'flow.csv', 'figures/change-from-baseline.svg', 'figures/waterfall.svg']) assert.ok(f in files, `${f} in the zip`);
    assert.ok(Object.keys(files).some((f) => /^photos\/.+-end\.png$/.test(f)), 'vertex photographs');
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    assert.deepEqual(manifest.outputs.map((o: { path: string }) => o.path).sort(), Object.keys(files).filter((f) => f !== 'manifest.json').sort());
    assert.match(strFromU8(files['report.html']), /Vertex photographs/);
    console.log(`download ${path}`);
  });

  it('cancels a running trial', async () => {
    await page.fill('#trial-per-arm', '400');
    await page.fill('#trial-weeks', '104');
    await page.click('#trial-run');
    await lab.waitState('running');
    await page.waitForFunction(() => Number((document.getElementById('trial-progress') as HTMLProgressElement).value) > 0, null, { timeout: 60_000 });
    await page.click('#trial-cancel');
    await lab.waitState('cancelled', 10_000);
    assert.equal(await page.textContent('#trial-status'), 'cancelled');
    assert.equal(await page.isDisabled('#trial-run'), false);
    await lab.shot('trial-cancelled');
    assert.deepEqual(lab.errors, [], 'no page errors');
  });
});
