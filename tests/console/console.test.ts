// The web console (工作台) in a real browser against the real platform: the
// role journeys of issue 9, screenshots of every page into artifacts/, and
// axe-core on each page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleHarness, type ConsoleHarness } from './browser';

const U = {
  community: 'community.qindu-renmin-furong',
  street: 'street_office.qindu-renmin',
  siblingStreet: 'street_office.qindu-xilan',
  district: 'district_org.qindu',
  finance: 'finance.qindu',
  auditor: 'auditor.qindu',
  admin: 'admin.qindu',
} as const;

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startConsoleHarness();
}, 240_000);
afterAll(() => h?.close());

describe('serving', () => {
  it('serves the console at / with history fallback, long-lived hashed assets and the CSP', async () => {
    const index = await fetch(`${h.baseUrl}/projects/some-deep-link`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await index.text();
    expect(html).toContain('<div id="root">');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const js = await fetch(`${h.baseUrl}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(js.headers.get('cache-control')).toContain('max-age=31536000');
    // Nothing from another origin.
    expect(html).not.toMatch(/https?:\/\//);
    // The API keeps its own 404s.
    const api = await fetch(`${h.baseUrl}/api/nowhere`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    const missing = await fetch(`${h.baseUrl}/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
  });
});

describe('login and the shell', () => {
  it('refuses a wrong password with the API message, then logs in', async () => {
    const page = await h.anonymous();
    await page.goto(`${h.baseUrl}/`);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('用户名').fill(U.street);
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBeTruthy();
    await h.shot(page, '00-login');
    await h.axe(page, 'login');
  });

  it('builds the menu from /api/me and shows the 工作台', async () => {
    const page = await h.loginAs(U.street);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    const menu = page.locator('.shell-sider');
    await expect.poll(() => menu.textContent()).toContain('督查通报');
    expect(await menu.textContent()).not.toContain('财务拨付');
    expect(await menu.textContent()).not.toContain('系统管理');
    await page.locator('.ant-table-tbody').waitFor();
    await h.shot(page, '01-workbench-street');
    await h.axe(page, 'workbench');

    const finance = await h.loginAs(U.finance);
    await finance.getByRole('heading', { name: '工作台' }).waitFor();
    await expect.poll(() => finance.locator('.shell-sider').textContent()).toContain('财务拨付');
    // A page the role does not hold: 403 state.
    await finance.goto(`${h.baseUrl}/projects/new`);
    await finance.getByText('无权访问').waitFor();
    await h.shot(finance, '02-forbidden');

    // 退出
    await page.getByRole('button', { name: /退\s*出/ }).click();
    await page.waitForURL(/\/login$/);
  });
});
