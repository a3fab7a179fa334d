import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { DesignCanvas } from './fixtures/canvas';
import { exportDesign } from './fixtures/design-file';
import { PolicyEditorPane } from './fixtures/editor';

// The app's bad-input table: what a person pastes, imports or opens never blanks the page
// or loses the design; each row checks the message shown and that the design is intact.

const deepTrust = (depth: number) =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":${'['.repeat(depth)}"x"${']'.repeat(depth)}},"Action":"sts:AssumeRole"}]}`;

/** Writes records straight into the app's IndexedDB store (what another build or tab left). */
async function putRecords(page: Page, records: Record<string, unknown>) {
  await page.evaluate(async (entries) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('rolecraft');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('designs', 'readwrite');
    for (const [key, value] of Object.entries(entries)) tx.objectStore('designs').put(value, key);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, records);
}

async function sampleRecord(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('rolecraft');
      request.onsuccess = () => resolve(request.result);
    });
    const get = db.transaction('designs').objectStore('designs').get('design:design-sample');
    const value = await new Promise((resolve) => (get.onsuccess = () => resolve(get.result)));
    db.close();
    return value as Record<string, unknown>;
  });
}

test('a trust policy pasted 4,500 levels deep is refused with its position; reload still opens', async ({
  app,
  page,
}) => {
  await app.open();
  await app.node('Deploy').click();
  const pane = new PolicyEditorPane(page, app.inspector);
  await pane.open('Trust policy');
  await pane.editor('Trust policy').focus();
  await page.keyboard.press('ControlOrMeta+a');
  // 200 levels here (the unit tests paste 4,500 and 100,000): Monaco itself is slow on thousands of brackets.
  await page.keyboard.insertText(deepTrust(200));
  await expect(
    pane.problem(
      /^Error: the policy is nested too deeply: nesting deeper than 32 levels at line 1, column 103/,
    ),
  ).toBeVisible();
  await new DesignCanvas(app).saved();
  await page.reload();
  await expect(app.node('Deploy')).toBeVisible();
  await expect(app.node('alice')).toBeVisible();
});

test('every panel that fails names the error, exports the design and reloads', async ({
  app,
  page,
}) => {
  await page.goto('/?fault=canvas,inspector,simulation');
  for (const name of ['canvas', 'inspector', 'simulation']) {
    await expect(page.getByRole('alert', { name: `The ${name} failed` })).toContainText(
      `a fault was injected into the ${name}`,
    );
  }
  const fallback = page.getByRole('alert', { name: 'The canvas failed' });
  const download = page.waitForEvent('download');
  await fallback.getByRole('button', { name: 'Export design' }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(file.design.roles.map((r: { name: string }) => r.name)).toEqual(
    expect.arrayContaining(['Developer', 'Deploy', 'GitHubDeploy']),
  );
  for (const name of ['canvas', 'inspector', 'simulation'])
    await page
      .getByRole('alert', { name: `The ${name} failed` })
      .getByRole('button', { name: 'Reload panel' })
      .click();
  await expect(app.node('Deploy')).toBeVisible();
  await expect(app.inspector).toBeVisible();
  await expect(page.getByRole('region', { name: 'Bottom panel' })).toBeVisible();
});

test('the policy editor that fails keeps the inspector and the design', async ({ app, page }) => {
  await app.open('/?fault=editor');
  await app.node('Deploy').click();
  const fallback = page.getByRole('alert', { name: 'The policy editor failed' });
  await expect(fallback).toContainText('a fault was injected into the editor');
  await expect(app.inspector.getByLabel('ARN')).toHaveText('arn:aws:iam::222222222222:role/Deploy');
  await fallback.getByRole('button', { name: 'Reload panel' }).click();
  await new PolicyEditorPane(page, app.inspector).open('Trust policy');
});

test('an unreadable stored design is kept aside, never saved over, and downloadable raw', async ({
  app,
  page,
}) => {
  await app.open();
  await new DesignCanvas(app).saved();
  const record = await sampleRecord(page);
  const roles = record.roles as Record<string, unknown>[];
  roles[0]!.maxSessionDuration = 100;
  await putRecords(page, { 'design:design-sample': record });
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toContainText(
    '`design.roles[0].maxSessionDuration` must be whole seconds from 3600 to 43200, got `100`',
  );
  const notices = page.getByRole('region', { name: 'Design notices' });
  await expect(notices).toContainText('A stored design (design-sample) could not be opened');
  const download = page.waitForEvent('download');
  await notices.getByRole('button', { name: 'Download raw record' }).click();
  const raw = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(raw.roles[0].maxSessionDuration).toBe(100);
  // The app opened a fresh sample; the kept record is still there after another reload.
  await expect(app.node('Deploy')).toBeVisible();
  await page.reload();
  await expect(notices).toContainText('A stored design (design-sample) could not be opened');
});

test('a design saved by a newer version opens read-only and is not saved over', async ({
  app,
  page,
}) => {
  await app.open();
  await new DesignCanvas(app).saved();
  const record = await sampleRecord(page);
  await putRecords(page, {
    'design:design-sample': { ...record, formatVersion: 3, name: 'From the future' },
  });
  await page.reload();
  const notices = page.getByRole('region', { name: 'Design notices' });
  await expect(notices).toContainText(
    'saved by a newer Rolecraft (format 3). It is open read-only',
  );
  await app.node('alice').click();
  await page.keyboard.press('Delete');
  await page.reload();
  await expect(notices).toContainText('It is open read-only');
  expect((await sampleRecord(page)).formatVersion).toBe(3);
  await notices.getByRole('button', { name: 'Save as a copy' }).click();
  await expect(notices).toBeHidden();
});

test('a broken summaries record does not break saving', async ({ app, page }) => {
  await app.open();
  await new DesignCanvas(app).saved();
  await putRecords(page, { summaries: { broken: true } });
  await page.reload();
  await expect(app.node('Deploy')).toBeVisible();
  await app.node('alice').click();
  await page.keyboard.press('Delete');
  await new DesignCanvas(app).saved();
});

test('two tabs: the stale one is told and does not overwrite the other', async ({ app, page }) => {
  await app.open();
  await new DesignCanvas(app).saved();
  const other = await page.context().newPage();
  await other.goto('/');
  await expect(other.getByRole('main', { name: 'Canvas' }).getByRole('application')).toBeVisible();
  // The other tab deletes alice and saves.
  await other.getByRole('group', { name: /^alice,/ }).click();
  await other.keyboard.press('Delete');
  await other
    .getByRole('alertdialog', { name: 'Confirm delete' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(other.getByRole('group', { name: /^alice,/ })).toHaveCount(0);
  await expect(other.getByText('All changes saved')).toBeVisible();
  const notices = page.getByRole('region', { name: 'Design notices' });
  await expect(notices).toContainText('This design was changed in another tab');
  // An edit here is not saved over the other tab's version.
  await app.node('Developer').click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('alertdialog', { name: 'Confirm delete' });
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(app.node('Developer')).toHaveCount(0);
  await expect(notices.getByRole('button', { name: 'Reload design' })).toBeVisible();
  await notices.getByRole('button', { name: 'Reload design' }).click();
  await expect(notices).toBeHidden();
  await expect(app.node('alice')).toHaveCount(0);
  await expect(app.node('Developer')).toBeVisible();
  await other.close();
});

test.describe('imports refused with the reason, the design intact', () => {
  const cases: [string, string | Buffer, string][] = [
    [
      'invalid JSON',
      '{"format": "rolecraft",',
      'not a Rolecraft design file: invalid JSON: property name expected at line 1, column 24',
    ],
    ['an empty file', '', 'the file is empty'],
    [
      'a PNG named .json',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82]),
      'not a Rolecraft design file: it is binary, not text',
    ],
    [
      'nesting 10,000 deep',
      `{"format":"rolecraft","formatVersion":1,"design":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
      'not a Rolecraft design file: nesting deeper than 64 levels at line 1, column 113',
    ],
    [
      'a 20 MB file',
      `{"format":"rolecraft","x":"${'x'.repeat(20 * 1024 * 1024)}"}`,
      'the file is 20.0 MB; design files over 10.0 MB are not opened',
    ],
    [
      'a newer format version',
      '{"format":"rolecraft","formatVersion":3,"design":{"id":"d"}}',
      '`formatVersion` 3 is newer than this app reads (2): update Rolecraft',
    ],
  ];
  for (const [name, content, reason] of cases) {
    test(name, async ({ app, page }) => {
      await app.open();
      const before = await exportDesign(app, page);
      const chooser = page.waitForEvent('filechooser');
      await app.toolbar.getByRole('button', { name: 'Import', exact: true }).click();
      await (
        await chooser
      ).setFiles({
        name: 'bad.rolecraft.json',
        mimeType: 'application/json',
        buffer: Buffer.from(content),
      });
      await expect(
        page.getByRole('alert').filter({ hasText: 'bad.rolecraft.json was not imported' }),
      ).toHaveText(`bad.rolecraft.json was not imported: ${reason}×`);
      expect(await exportDesign(app, page)).toEqual(before);
    });
  }
});

test('text typed just before a reload is kept', async ({ app, page }) => {
  await app.open();
  await app.node('Deploy').click();
  const pane = new PolicyEditorPane(page, app.inspector);
  await pane.open('Trust policy');
  await pane.cursorAtEndOf('"Version": "2012-10-17",');
  await page.keyboard.insertText('\n"Id": "typed-right-before-reload",');
  await page.reload();
  await app.node('Deploy').click();
  await pane.open('Trust policy');
  await expect(pane.line('"Id": "typed-right-before-reload",')).toBeVisible();
});

test('the policy editor validates in a worker: typing shows the problem, the page never waits for it', async ({
  app,
  page,
}) => {
  await app.open();
  await app.node('Developer').click();
  const pane = new PolicyEditorPane(page, app.inspector);
  await pane.open('Trust policy');
  await pane.cursorAtEndOf('"Action": "sts:AssumeRole"');
  await pane.press('ArrowLeft', 'ArrowLeft', 'Backspace');
  await expect(
    pane.problem(/^Warning: unknown action `sts:AssumeRol` \(line 9, column 17\)$/),
  ).toBeVisible();
  expect(page.workers().map((w) => w.url())).toEqual(
    expect.arrayContaining([expect.stringMatching(/diagnose-worker-[\w-]+\.js$/)]),
  );
  await pane.type('e');
  await expect(pane.problems).toContainText('no problems');
});

test('a failed Export is shown, not silent, and the design stays', async ({ app, page }) => {
  await app.open();
  // The browser refuses to make the file (out of memory, a blocked download): every export names it.
  await page.evaluate(() => {
    URL.createObjectURL = () => {
      throw new Error('the browser refused to create the file');
    };
  });
  const pick = async (name: string) => {
    await app.toolbar.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name }).click();
  };
  await pick('Design file (.rolecraft.json)');
  await expect(
    page.getByRole('alert').filter({ hasText: 'the design could not be exported' }),
  ).toHaveText('the design could not be exported: the browser refused to create the file×');
  await pick('Terraform (.tf)');
  await expect(
    page.getByRole('alert').filter({ hasText: 'the Terraform export could not be made' }),
  ).toHaveText('the Terraform export could not be made: the browser refused to create the file×');
  await expect(app.node('Deploy')).toBeVisible();
  await expect(app.node('alice')).toBeVisible();
});

test('a trust policy over IAM’s 2,048 characters is an error in the editor, at the document', async ({
  app,
  page,
}) => {
  await app.open();
  await app.node('Deploy').click();
  const pane = new PolicyEditorPane(page, app.inspector);
  await pane.open('Trust policy');
  await pane.editor('Trust policy').focus();
  await page.keyboard.press('ControlOrMeta+a');
  const policy = (sid: string) =>
    `{"Version":"2012-10-17","Statement":[{"Sid":"${sid}","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}`;
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(policy('S'.repeat(2_049 - policy('').length)));
  await expect(
    pane.problem(
      /^Error: this trust policy has 2,049 characters \(white space not counted\); IAM allows at most 2,048 \(line 1, column 1\)$/,
    ),
  ).toBeVisible();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(policy('S'.repeat(2_048 - policy('').length)));
  await expect(pane.problem(/this trust policy has/)).toHaveCount(0);
  await expect(pane.problems).not.toContainText('error');
});
