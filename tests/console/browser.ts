// Browser harness of the console tests: the real platform (tests/helpers/
// platform.ts) listening on a loopback port with the console build, one
// headless Debian chromium (playwright-core) per test file, a page per
// person, screenshots into tests/console/artifacts/, axe-core checks.
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ensureConsoleBuilt } from '../../console/build';
import type { RoleName } from '../../domain/roles';
import { demoPassword } from '../../seeds/demo-org';
import { uniqueSuffix } from '../helpers/db';
import { startTestPlatform, type TestPlatform, type TestPlatformOptions } from '../helpers/platform';
import type { ProjectPlatform } from '../project/support';

export const ARTIFACTS_DIR = fileURLToPath(new URL('./artifacts/', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The demo district's people the console journeys log in as (demo password). */
export const CONSOLE_PEOPLE = {
  community: 'community.qindu-renmin-furong',
  street: 'street_office.qindu-renmin',
  siblingStreet: 'street_office.qindu-xilan',
  district: 'district_org.qindu',
  finance: 'finance.qindu',
  auditor: 'auditor.qindu',
  admin: 'admin.qindu',
} as const;

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 375, height: 740 };

export interface ConsoleHarness {
  p: TestPlatform;
  baseUrl: string;
  browser: Browser;
  /**
   * A fresh browser context logged in through the login form as `username`,
   * on `path` (default the 工作台): the page opens the deep link, the console
   * sends it to the login form and, once logged in, back to the link — as a
   * clerk following a link from a notice. One page load, not a load of the
   * 工作台 thrown away by a second one.
   */
  loginAs(username: string, viewport?: { width: number; height: number }, path?: string): Promise<Page>;
  /** A page with no session (public pages, the login form); it asks for reduced motion unless told `no-preference`. */
  anonymous(viewport?: { width: number; height: number }, reducedMotion?: 'reduce' | 'no-preference'): Promise<Page>;
  /** Full-page screenshot to artifacts/<name>.png. */
  shot(page: Page, name: string): Promise<void>;
  /** axe-core on the page: no serious or critical violations. */
  axe(page: Page, name: string): Promise<void>;
  /**
   * Keeps `page` open past the end of the test that opened it, for a later
   * test of the file (its context is closed with the browser).
   */
  keep(page: Page): Page;
  /**
   * For afterEach: when the test failed, a screenshot of every open page into
   * artifacts/failed/ and a line per page (URL, open dialogs, alerts) in the
   * output — what a person would have seen when the flow stopped. Then closes
   * the pages the test opened, but those it kept: a page left open holds its
   * renderer's memory and goes on refreshing (the 工作台 every 5 s) for the
   * rest of the file.
   */
  endTest(task: { name: string; result?: { state?: string } }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Waits for the page's CSS animations and transitions to end (a modal
 * zooming in, a validation message fading out, a menu group opening): a
 * screenshot or an axe run in the middle of one sees half-transparent text
 * and messages on their way out. Infinite ones (spinners) do not count.
 */
export async function settled(page: Page): Promise<void> {
  // Polled with evaluate: waitForFunction compiles its predicate in the page, which the console's CSP (no unsafe-eval) refuses.
  // A string, as this file is compiled without the DOM library. Paused counts as not yet done: antd holds an entering modal's animation paused for a frame.
  const running = "document.getAnimations().filter((a) => !(a.playState === 'finished' || a.playState === 'idle' || a.effect?.getComputedTiming().iterations === Infinity)).length";
  for (const until = Date.now() + 5_000; Date.now() < until; ) {
    if ((await page.evaluate(running)) === 0) return;
    await page.waitForTimeout(50);
  }
}

/**
 * Submits the open dialog's form once the dialog has finished zooming in: a
 * click on a modal still in its opening animation can land where the button
 * was a frame earlier, and the form is never sent (two flows stopped so on a
 * loaded CI run, 2026-12-02: the dialog stayed open with nothing said).
 */
export async function submitDialog(page: Page): Promise<void> {
  await settled(page);
  await page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
}

/**
 * Resizes `page` to a phone and waits for the shell to fold its side menu:
 * the menu folds on a media-query event that can come after the resize
 * returns, and a screenshot taken before shows a desktop menu squeezing a
 * phone page.
 */
/** Presses the button `name` (导出表格) and reads the CSV file it downloads: its name and its lines, without the BOM. */
export async function downloadedCsv(page: Page, name: string | RegExp): Promise<{ fileName: string; lines: string[] }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const file = await download;
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text.startsWith('\ufeff'), 'a BOM, for Excel and WPS').toBe(true);
  return { fileName: file.suggestedFilename(), lines: text.slice(1).split('\r\n') };
}

export async function toPhone(page: Page): Promise<void> {
  await page.setViewportSize(PHONE);
  if ((await page.locator('.shell-sider').count()) === 0) return;
  // 'attached', not the default 'visible': a folded menu is 0 px wide, which Playwright counts as invisible — the wait used
  // to pass only by catching the menu mid-animation, still a few pixels wide, and timed out on a loaded machine that missed it.
  await page.locator('.shell-sider.ant-layout-sider-zero-width').waitFor({ state: 'attached' });
  await settled(page);
}

export async function startConsoleHarness(options: TestPlatformOptions = {}): Promise<ConsoleHarness> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await ensureConsoleBuilt();
  const p = await startTestPlatform(options);
  const server: Server = await new Promise((resolve) => {
    const s = p.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const contexts: BrowserContext[] = [];
  const kept = new Set<BrowserContext>();

  // Pages ask for reduced motion, as a person may in their system's settings: antd then opens dialogs and menus
  // without zooming or sliding, and nothing waits for an animation to end before a click, a screenshot or an axe
  // run (settled() waited out 12 s of a 32 s journey). The console's own test of the setting opens a page with
  // motion too.
  const newPage = async (viewport = DESKTOP, reducedMotion: 'reduce' | 'no-preference' = 'reduce') => {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion });
    contexts.push(context);
    return context.newPage();
  };

  /** A screenshot and a line (URL, open dialogs, alerts) for every open page: what a person saw when the flow stopped. */
  const reportFailure = async (testName: string) => {
    const dir = `${ARTIFACTS_DIR}failed/`;
    mkdirSync(dir, { recursive: true });
    const slug = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    const pages = contexts.flatMap((c) => c.pages()).filter((pg) => !pg.isClosed());
    for (const [i, page] of pages.entries()) {
      const file = `${dir}${slug}-${i + 1}.png`;
      await page.screenshot({ path: file, fullPage: true, timeout: 10_000 }).catch(() => undefined);
      const texts = async (selector: string) => (await page.locator(selector).allInnerTexts().catch(() => [] as string[])).map((t) => t.replace(/\s+/g, ' ').slice(0, 300));
      console.log(`[console failure] page ${i + 1}: ${page.url()} → ${file}\n  dialogs: ${JSON.stringify(await texts('.ant-modal-wrap:not([style*="display: none"]) .ant-modal'))}\n  alerts: ${JSON.stringify(await texts('.ant-alert, .ant-message-notice, .ant-form-item-explain-error'))}`);
    }
  };

  return {
    p,
    baseUrl,
    browser,
    async anonymous(viewport = DESKTOP, reducedMotion = 'reduce') {
      return newPage(viewport, reducedMotion);
    },
    async loginAs(username, viewport = DESKTOP, path = '/') {
      const page = await newPage(viewport);
      await page.goto(`${baseUrl}${path}`);
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(demoPassword());
      await page.getByRole('button', { name: /登\s*录/ }).click();
      // The path alone: a page may rewrite its query once it has opened (a list's filters).
      const target = new URL(path, baseUrl).pathname;
      await page.waitForURL((url) => url.pathname === target);
      return page;
    },
    async shot(page, name) {
      await settled(page);
      await page.screenshot({ path: `${ARTIFACTS_DIR}${name}.png`, fullPage: true });
    },
    async axe(page, name) {
      await settled(page);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
    },
    keep(page) {
      kept.add(page.context());
      return page;
    },
    async endTest(task) {
      if (task.result?.state === 'fail') await reportFailure(task.name);
      for (const c of contexts.filter((c) => !kept.has(c))) await c.close().catch(() => undefined);
      contexts.splice(0, contexts.length, ...kept);
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await p.close();
    },
  };
}

/** The Beijing date `days` days from the platform's now (YYYY-MM-DD), as a date picker takes it. */
export function dateIn(h: ConsoleHarness, days: number): string {
  return new Date(h.p.now().getTime() + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Types a date into the antd date picker labelled `label` and confirms it. */
export async function fillDate(page: Page, label: string, value: string) {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** The project fixtures' view of the harness's platform (requests by username, the engine clock): one adapter for every console test. */
export function projectPlatform(h: ConsoleHarness): ProjectPlatform {
  const res = (r: { status: number; body: unknown; headers: unknown }) => ({ status: r.status, body: r.body as any, headers: r.headers as Record<string, string> });
  return {
    base: h.p,
    prisma: h.p.prisma,
    queues: h.p.queues,
    now: () => h.p.now(),
    advanceTime: (ms) => h.p.advanceTime(ms),
    get: async (as, path) => res(await (await h.p.as(as)).get(path)),
    post: async (as, path, body = {}, headers = {}) => res(await (await h.p.as(as)).post(path).set(headers).send(body as object)),
    restartWorker: () => Promise.reject(new Error('not in the console tests')),
    stop: () => Promise.resolve(),
  };
}

/**
 * Another holder of a role on a unit (the demo district has one per unit),
 * logging in with the demo password. Its id goes into `made`, so the file
 * removes the people it made (the run's other files count role holders).
 */
export async function extraPerson(h: ConsoleHarness, made: string[], role: RoleName, unitId: string, displayName: string) {
  const template = await h.p.prisma.person.findFirstOrThrow({ where: { username: 'street_office.qindu-renmin' } });
  const username = `${role}.${unitId}.e${uniqueSuffix()}`;
  const person = await h.p.prisma.person.create({ data: { username, displayName, passwordHash: template.passwordHash, roles: { create: { role, unitId } } } });
  made.push(person.id);
  return { username, id: person.id, displayName };
}

/**
 * The dropdown of the select whose search box is `box` (antd renders it
 * outside the form, and names it in the box's aria-controls). Never "any
 * open dropdown": another picker's, fading out after its form closed — slowly
 * on a loaded machine —, holds the same names, and a click there picks in the
 * wrong form.
 */
async function dropdownOf(page: Page, box: Locator): Promise<Locator> {
  const list = await box.getAttribute('aria-controls');
  if (!list) throw new Error('the picker\'s search box names no dropdown (aria-controls)');
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)', { has: page.locator(`[id="${list}"]`) });
}

/** Types a name into the people picker labelled `label` within `scope` and picks the person of that name. */
export async function pickPerson(scope: Locator | Page, label: string, name: string) {
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  const box = scope.getByRole('combobox', { name: label });
  // As in pickOption: no click while the dialog or the dropdown is still moving.
  await settled(page);
  // A multiple select's search box is read-only until the select opens.
  await box.click();
  await box.fill(name);
  const option = (await dropdownOf(page, box)).locator('.ant-select-item-option', { hasText: name }).first();
  await option.waitFor();
  await settled(page);
  await option.click();
}

/**
 * Picks `option` in the antd Select labelled `label` within `scope`, typing
 * `search` first when given. It waits for animations before opening and
 * before choosing: a select opened in a dialog still zooming in places its
 * dropdown where the box was a frame earlier (a CI run, 2026-12-02, found
 * the option below the viewport and then under the dialog's footer).
 */
export async function pickOption(scope: Locator | Page, label: string, option: string, search?: string) {
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await settled(page);
  await box.click({ force: true });
  if (search !== undefined) await box.fill(search);
  const dropdown = await dropdownOf(page, box);
  await dropdown.waitFor();
  await settled(page);
  // The option titled exactly `option` when there is one (紧急 beside 特别紧急), else the first whose text holds it (兰苑社区(社区)).
  const exact = dropdown.locator(`.ant-select-item-option[title="${option}"]`);
  await ((await exact.count()) ? exact : dropdown.locator('.ant-select-item-option', { hasText: option })).first().click();
  await expect.poll(() => dropdown.count(), { timeout: 10_000 }).toBe(0);
}

/** Types a name into the people picker and waits for it to offer nobody (the operation's rule leaves them out). */
export async function pickerOffersNobody(scope: Locator | Page, label: string, name: string) {
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  const box = scope.getByRole('combobox', { name: label });
  await settled(page);
  await box.click();
  await box.fill(name);
  await (await dropdownOf(page, box)).getByText('没有符合条件的人员').waitFor();
}

/**
 * The 工作台 row of the open task about `title`, claimed when it is offered to
 * the caller's unit (领取), so that its 办理 button is there.
 */
export async function claimedTaskRow(page: Page, title: string): Promise<Locator> {
  await page.getByRole('heading', { name: '工作台' }).waitFor();
  const row = page.locator('tr', { hasText: title });
  // 20 a page, by deadline and then at random among equal ones: in the tests' shared database a street has more
  // than 20 open tasks due the same day, so the task can be on a later page (a CI run, 2026-12-07). A person pages on.
  await expect
    .poll(async () => {
      if ((await row.count()) > 0) return true;
      const next = page.getByRole('button', { name: '下一页' });
      if (await next.isEnabled()) await next.click();
      return false;
    }, { timeout: 30_000, interval: 1_000 })
    .toBe(true);
  if (await row.getByRole('button', { name: /领\s*取/ }).count()) {
    await row.getByRole('button', { name: /领\s*取/ }).click();
    await row.getByRole('button', { name: /办\s*理/ }).waitFor();
  }
  return row;
}

/** A JPEG as a phone's camera takes it, drawn in the page: 4000 × 3000 px of a gradient with fine noise, at full quality. */
export async function cameraPhoto(page: Page): Promise<Buffer> {
  // A string, not a function: the tests are compiled without the DOM's types.
  const base64 = await page.evaluate<string>(`(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const ctx = canvas.getContext('2d');
    const image = ctx.createImageData(canvas.width, canvas.height);
    let seed = 7;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const x = (i / 4) % canvas.width;
      const noise = (seed % 41) - 20;
      image.data[i] = 90 + (x % 160) + noise;
      image.data[i + 1] = 120 + noise;
      image.data[i + 2] = 160 - (x % 100) + noise;
      image.data[i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
    const blob = await new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/jpeg', 1));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  })()`);
  return Buffer.from(base64, 'base64');
}
