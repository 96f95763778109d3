import { describe, expect, it } from 'vitest';
import { chromiumSession, screenshot } from './harness';

const e2e = chromiumSession();

describe('roster, end to end in Chromium', () => {
  it('add, edit, reject bad input, archive, undo, filter by group', async () => {
    const { page, errors } = await e2e.start();

    await expect(page.getByText('Your squad is empty').waitFor()).resolves.toBeUndefined();
    await screenshot(page, 'roster-01-empty-squad');

    // Two groups first.
    await page.getByRole('button', { name: 'Set up groups' }).click();
    const groups = page.getByRole('dialog', { name: 'Groups' });
    for (const name of ['Sprints', 'Distance']) {
      await groups.getByRole('textbox', { name: 'New group name' }).fill(name);
      await groups.getByRole('button', { name: 'Add group' }).click();
      await groups.getByRole('textbox', { name: `Name of ${name}` }).waitFor();
    }
    // Recolour Sprints with the palette.
    await groups.getByRole('button', { name: 'Colour of Sprints' }).click();
    await page.getByRole('button', { name: '#e03131' }).click();
    await page.getByText('Changed the colour of "Sprints"').waitFor();
    await screenshot(page, 'roster-02-groups');
    await page.keyboard.press('Escape');

    // Add an athlete.
    await page.getByRole('button', { name: 'Add your first athlete' }).click();
    let form = page.getByRole('form', { name: 'Athlete' });
    await form.getByRole('textbox', { name: 'First name' }).fill('Ana');
    await form.getByRole('textbox', { name: 'Last name' }).fill('López');
    await form.getByLabel('Group', { exact: true }).click();
    await page.getByRole('option', { name: 'Distance' }).click();
    await form.getByRole('textbox', { name: 'Body mass' }).fill('54.5');
    await form.getByRole('button', { name: 'Add athlete' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'López, Ana' }).waitFor();

    // A second one, with bad input first: the message sits next to the field and nothing is saved.
    await page.getByRole('button', { name: 'Add athlete' }).click();
    form = page.getByRole('form', { name: 'Athlete' });
    await form.getByRole('textbox', { name: 'Last name' }).fill('Okafor');
    await form.getByRole('textbox', { name: 'Body mass' }).fill('900');
    await form.getByRole('button', { name: 'Add athlete' }).click();
    await form.getByText('Enter a first name').waitFor();
    await form.getByText(/Body mass must be between 20 and 200 kg/).waitFor();
    await screenshot(page, 'roster-03-rejected-input');
    await form.getByRole('textbox', { name: 'First name' }).fill('Ben');
    await form.getByRole('textbox', { name: 'Body mass' }).fill('66');
    await form.getByLabel('Group', { exact: true }).click();
    await page.getByRole('option', { name: 'Sprints' }).click();
    await form.getByRole('button', { name: 'Add athlete' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Okafor, Ben' }).waitFor();

    // Edit: flag Ana as injured with a note.
    await page.getByRole('cell', { name: 'López, Ana' }).click();
    form = page.getByRole('form', { name: 'Athlete' });
    await form.getByRole('switch', { name: 'Injured / modified' }).focus();
    await page.keyboard.press('Space');
    await form.getByRole('textbox', { name: 'Injury notes' }).fill('Shin splints, left');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /López, Ana.*Injured/ }).waitFor();
    await screenshot(page, 'roster-04-two-athletes');

    // Filter by group.
    await page.locator('input[aria-label="Filter by group"]').click();
    await page.getByRole('option', { name: 'Sprints' }).click();
    await expect(page.getByRole('cell', { name: 'López, Ana' }).count()).resolves.toBe(0);
    await page.getByRole('cell', { name: 'Okafor, Ben' }).waitFor();
    await page.locator('input[aria-label="Filter by group"]').click();
    await page.getByRole('option', { name: 'All groups' }).click();

    // Archive, then undo from the keyboard.
    await page.getByRole('button', { name: 'Archive Ana López' }).click();
    await page.getByText('Archived Ana López').waitFor();
    await page.getByRole('cell', { name: 'López, Ana' }).waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Roster' }).click();
    await page.keyboard.press('Control+z');
    await page.getByRole('cell', { name: 'López, Ana' }).waitFor();
    await screenshot(page, 'roster-05-after-undo');

    // Reload: everything was saved in the squad database.
    await page.reload();
    await page.getByRole('cell', { name: 'López, Ana' }).waitFor();
    await expect(page.getByRole('row', { name: /López, Ana.*Injured/ }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it('loads the sample squad and changes settings to pounds', async () => {
    const { page, errors } = await e2e.start();
    await page.getByRole('button', { name: 'Load sample squad' }).click();
    await page.getByText('24 active athletes').waitFor();
    await expect(page.getByTestId('squad-name').textContent()).resolves.toContain('(sample)');
    await screenshot(page, 'roster-06-sample-squad');

    await page.keyboard.press('Control+,');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByText('Pounds (lb)').click();
    await expect(page.getByRole('textbox', { name: 'Empty bar' }).inputValue()).resolves.toBe('45');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Changed the squad settings').waitFor();
    await screenshot(page, 'settings-01-pounds');

    // A section's shortcut works with the focus in a text box too.
    await page.getByRole('textbox', { name: 'Empty bar' }).focus();
    await page.keyboard.press('Control+1');
    await page.getByRole('heading', { name: 'Roster' }).waitFor();
    await expect(page.getByRole('cell', { name: / lb$/ }).count()).resolves.toBe(24);
    expect(errors).toEqual([]);
  });
});
