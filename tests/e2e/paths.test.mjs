// All URLs are relative: the site works from any folder of a host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, symlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { LAUNCH, ROOT, SEEDS, waitAnnotated } from './helpers.mjs';

test('the page works under a sub-path', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'newslens-path-'));
  await mkdir(join(dir, 'school', 'class'), { recursive: true });
  await symlink(join(ROOT, 'www'), join(dir, 'school', 'class', 'newslens'));
  const server = await serve(dir, 0);
  const browser = await chromium.launch(LAUNCH);
  try {
    const page = await browser.newPage();
    const errors = [];
    const failed = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
    await page.goto(`http://127.0.0.1:${server.address().port}/school/class/newslens/`);
    await page.getByRole('link', { name: SEEDS[2].title, exact: true }).click();
    await waitAnnotated(page);
    assert.ok((await page.locator('article p').count()) > 3);
    assert.match(await page.locator('#version').textContent(), /\d+\.\d+/);
    assert.deepEqual(failed, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
    await rm(dir, { recursive: true, force: true });
  }
});
