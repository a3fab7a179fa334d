import { expect, test } from './fixtures/app';

// A first visit opens the sample after the store starts on an empty design: the assume form
// must take its defaults from the design that is open, so "Assume role" works untouched.
test('the assume form is ready to use on the sample as soon as the app opens', async ({
  app,
  page,
}) => {
  await app.open();
  const simulation = page.getByRole('region', { name: 'Simulation' });
  await expect(simulation.getByLabel('Session name')).not.toHaveValue('');
  await simulation.getByRole('button', { name: 'Assume role' }).click();
  await expect(page.getByText(/Expires in/).first()).toBeVisible({ timeout: 20_000 });
  await expect(simulation).not.toContainText('ValidationError');
});
