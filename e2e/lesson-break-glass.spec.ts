import { expect, test } from './fixtures/lessons';

test('Break glass: read-only is denied, no MFA is denied, MFA gives 15 minutes of admin, all in the log', async ({
  lessons,
  page,
}) => {
  await lessons.open('Break glass');
  await expect(lessons.stepCounter).toHaveText('Step 1 of 8');
  await page.screenshot({ path: '/tmp/lesson-break-glass-start.png' });
  await lessons.playToEnd();
  await page.screenshot({ path: '/tmp/lesson-break-glass-end.png' });
  const rows = await lessons.eventRows();
  expect(rows).toHaveLength(5);
  expect(rows[0]).toMatch(/DeleteObject .*user\/ana-helpdesk AccessDenied/);
  expect(rows[1]).toMatch(/AssumeRole .*user\/ana-helpdesk AccessDenied/);
  expect(rows[2]).toMatch(/AssumeRole .*user\/ana-helpdesk OK/);
  expect(rows[3]).toMatch(/DeleteObject .*assumed-role\/BreakGlassAdmin\/ana-emergency OK/);
  expect(rows[4]).toMatch(
    /DeleteObject .*assumed-role\/BreakGlassAdmin\/ana-emergency ExpiredToken/,
  );
});
