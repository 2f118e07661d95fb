import { expect, test, type Page } from '@playwright/test';
import { answerCells, hydrated, newPage, optionName } from './support';

/**
 * One link, five languages: the page speaks the viewer's language (from the browser, or
 * from the menu, remembered) and writes dates and times in that language's conventions,
 * in the viewer's own zone. An organiser in Rome proposes Wednesday 28 October 2026,
 * 17:00–18:00 (Europe on winter time, New York still on summer time).
 */

async function createPoll(page: Page) {
  const response = await page.request.post('/api/polls', {
    data: {
      title: 'Ocean-model call',
      timeZone: 'Europe/Rome',
      kind: 'timed',
      durationMinutes: 60,
      options: [{ start: '2026-10-28T17:00' }],
      // Chosen for its clock changes; behind the real clock now.
      allowPast: true,
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; participantUrl: string };
}

const viewers = [
  {
    locale: 'fr-FR',
    zone: 'Europe/Paris',
    lang: 'fr',
    answerHeading: 'Votre réponse',
    option: 'Votre réponse pour mer. 28 oct. 17:00 – 18:00',
    yes: 'Oui',
    results: 'Résultats',
    oneParticipant: '1 participant',
  },
  {
    locale: 'de-DE',
    zone: 'Europe/Berlin',
    lang: 'de',
    answerHeading: 'Ihre Antwort',
    option: 'Ihre Antwort für Mi., 28. Okt. 17:00 – 18:00',
    yes: 'Ja',
    results: 'Ergebnisse',
    oneParticipant: '1 Teilnehmer',
  },
  {
    locale: 'it-IT',
    zone: 'Europe/Rome',
    lang: 'it',
    answerHeading: 'La tua risposta',
    option: 'La tua risposta per mer 28 ott 17:00 – 18:00',
    yes: 'Sì',
    results: 'Risultati',
    oneParticipant: '1 partecipante',
  },
  {
    locale: 'es-ES',
    zone: 'Europe/Madrid',
    lang: 'es',
    answerHeading: 'Tu respuesta',
    option: 'Tu respuesta para mié, 28 oct 17:00 – 18:00',
    yes: 'Sí',
    results: 'Resultados',
    oneParticipant: '1 participante',
  },
  {
    locale: 'en-US',
    zone: 'America/New_York',
    lang: 'en',
    answerHeading: 'Your answer',
    option: 'Your answer for Wed, Oct 28 12:00 PM – 1:00 PM',
    yes: 'Yes',
    results: 'Results',
    oneParticipant: '1 participant',
  },
];

test.describe('the same poll in five languages', () => {
  test('each browser reads it in its own language, dates and clock', async ({ browser, page }) => {
    const poll = await createPoll(page);
    await page.request.post(`/api/polls/${poll.id}/responses`, {
      data: { name: 'Giulia', timeZone: 'Europe/Rome', votes: {} },
    });

    for (const viewer of viewers) {
      const guest = await newPage(browser, viewer.zone, viewer.locale);
      await guest.goto(poll.participantUrl);
      await expect(guest.locator('html')).toHaveAttribute('lang', viewer.lang);
      await expect(guest.getByRole('heading', { name: viewer.answerHeading })).toBeVisible();
      await expect(answerCells(guest)).toHaveAccessibleName(optionName(viewer.option));
      await expect(guest.getByText(viewer.yes, { exact: true }).first()).toBeVisible();
      await expect(guest.getByRole('heading', { name: viewer.results })).toBeVisible();
      await expect(guest.getByText(viewer.oneParticipant, { exact: true })).toBeVisible();
      await guest.context().close();
    }
  });

  test('plurals follow the language’s rules', async ({ browser, page }) => {
    const poll = await createPoll(page);
    for (const name of ['Giulia', 'Nic']) {
      await page.request.post(`/api/polls/${poll.id}/responses`, {
        data: { name, timeZone: 'Europe/Rome', votes: {} },
      });
    }
    const twos = [
      ['fr-FR', '2 participants'],
      ['de-DE', '2 Teilnehmer'],
      ['it-IT', '2 partecipanti'],
      ['es-ES', '2 participantes'],
    ] as const;
    for (const [locale, text] of twos) {
      const guest = await newPage(browser, 'Europe/Rome', locale);
      await guest.goto(poll.participantUrl);
      await expect(guest.getByText(text, { exact: true })).toBeVisible();
      await guest.context().close();
    }
  });

  test('the browser’s preferences are weighed by q-value', async ({ browser, page }) => {
    const poll = await createPoll(page);
    const context = await browser.newContext({ timezoneId: 'Europe/Rome', locale: 'en-US' });
    // Chromium sends its locale alone; a real browser's list has several languages and weights.
    await context.route('**/*', (route) =>
      route.continue({
        headers: {
          ...route.request().headers(),
          'accept-language': 'nl-NL, en-US;q=0.4, it;q=0.8',
        },
      }),
    );
    const guest = await context.newPage();
    await guest.goto(poll.participantUrl);
    await expect(guest.locator('html')).toHaveAttribute('lang', 'it');
    // English is not chosen, so its US region does not leak in: Italian dates, 24-hour clock.
    await expect(answerCells(guest)).toHaveAccessibleName(
      optionName('La tua risposta per mer 28 ott 17:00 – 18:00'),
    );
    await context.close();
  });
});

test.describe('the language menu', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

  test('switches the same URL to another language, and the choice survives a reload', async ({
    page,
  }) => {
    const poll = await createPoll(page);
    await page.goto(poll.participantUrl);
    await expect(page.getByRole('heading', { name: 'Your answer' })).toBeVisible();

    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
    await expect(page.getByRole('heading', { name: 'Ihre Antwort' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page).toHaveURL(poll.participantUrl);
    // German words, German dates: the US region belongs to English and is dropped.
    await expect(answerCells(page)).toHaveAccessibleName(
      optionName('Ihre Antwort für Mi., 28. Okt. 12:00 – 13:00'),
    );
    await expect(page.getByRole('combobox', { name: 'Sprache' })).toHaveValue('de');

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Ihre Antwort' })).toBeVisible();
    await page.goto('/');
    await expect(
      page.getByRole('heading', { name: 'Finden Sie eine Zeit, die in jeder Zeitzone passt' }),
    ).toBeVisible();
    await expect(page).toHaveTitle('Kairos: die faire Besprechungszeit');

    await page.getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'English' });
    await expect(
      page.getByRole('heading', { name: 'Find a time that works in every time zone' }),
    ).toBeVisible();
  });

  test('validation errors come back in the chosen language', async ({ page }) => {
    const poll = await createPoll(page);
    await page.goto(poll.participantUrl);
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
    await expect(page.getByRole('heading', { name: 'Votre réponse' })).toBeVisible();
    const cell = answerCells(page).first();
    await hydrated(cell);
    await cell.click();
    await expect(cell).toHaveAccessibleName(/ : Oui \(/);
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await expect(page.getByText('Veuillez corriger le champ signalé.')).toBeVisible();
    await expect(
      page.getByText('Saisissez votre nom pour que les autres sachent qui a répondu.'),
    ).toBeVisible();

    await page.goto('/');
    await hydrated(page.getByRole('combobox', { name: 'Langue' }));
    await page.getByRole('combobox', { name: 'Langue' }).selectOption({ label: 'Español' });
    await expect(page.getByRole('button', { name: 'Crear encuesta' })).toBeVisible();
    await page.getByLabel('O escribe una fecha').fill('2026-10-28');
    await page.getByRole('button', { name: 'Añadir fecha' }).click();
    await page.getByRole('button', { name: 'Crear encuesta' }).click();
    await expect(page.getByText('Ponle un título a la encuesta.')).toBeVisible();
    await expect(page.getByLabel('Título')).toHaveAttribute('aria-invalid', 'true');
  });
});
