import {
	expect,
	type APIResponse,
	type BrowserContext,
	type Locator,
	type Page,
	type Route
} from '@playwright/test';

/** Waits until the service worker is active and controls the page, so everything is precached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise<void>((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), {
					once: true
				})
			);
		}
	});
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Opens `path`, lets the service worker precache the app, then goes offline and loads it again. */
export async function openOffline(
	page: Page,
	context: BrowserContext,
	path: string
): Promise<void> {
	await page.goto(path);
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.reload();
}

/** Starts practising the next interview question (on the Interview page); returns its region. */
export async function practiseNextQuestion(page: Page): Promise<Locator> {
	await page.getByRole('button', { name: 'Practise the next question' }).click();
	return page.getByRole('region', { name: 'Interview practice', exact: true });
}

/**
 * Fetches a routed request from the server, as the browser would have. Once more on a failure: a
 * kept-alive connection the server has just closed is reset (ECONNRESET), which a loaded machine
 * makes likely; a second failure is the test's to see.
 */
export async function fetchThrough(route: Route): Promise<APIResponse> {
	try {
		return await route.fetch();
	} catch {
		return route.fetch();
	}
}

/**
 * Holds back the app's module whose code contains `marker` (e.g. a screen loaded on demand) until
 * `release()` is called. `held()` tells whether the page has asked for it yet.
 */
export async function holdModule(
	page: Page,
	marker: string
): Promise<{ held: () => boolean; release: () => void }> {
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	let held = false;
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		const response = await fetchThrough(route);
		const body = await response.text();
		if (body.includes(marker)) {
			held = true;
			await released;
		}
		await route.fulfill({ response, body });
	});
	return { held: () => held, release };
}

/** Answers whatever question is on screen: the first choice, the order as shown, pairs in order. */
export async function answerQuestion(page: Page): Promise<void> {
	const quiz = page.getByRole('region', { name: 'Quiz', exact: true });
	const checkOrder = quiz.getByRole('button', { name: 'Check order' });
	const checkMatches = quiz.getByRole('button', { name: 'Check matches' });
	// The question must be on screen before its kind is told (isVisible does not wait).
	await expect(checkOrder.or(checkMatches).or(quiz.locator('button.choice').first())).toBeVisible();
	if (await checkOrder.isVisible()) {
		await checkOrder.click();
	} else if (await checkMatches.isVisible()) {
		const lists = quiz.locator('ul.column');
		const count = await lists.first().getByRole('button').count();
		for (let i = 0; i < count; i++) {
			await lists.first().getByRole('button').nth(i).click();
			await lists.last().getByRole('button').nth(i).click();
		}
		await checkMatches.click();
	} else {
		await page.keyboard.press('1');
	}
}

/** The seconds the question's clock shows as left. */
export async function secondsLeft(session: Locator): Promise<number> {
	const text = (await session.getByRole('timer').textContent()) ?? '';
	const match = /(\d+):(\d\d) left/.exec(text);
	if (!match) throw new Error(`the clock reads "${text}"`);
	return Number(match[1]) * 60 + Number(match[2]);
}
