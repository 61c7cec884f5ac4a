import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';
import { waitForServiceWorker } from './helpers';
import { SYNC_URL } from './sync-server';

// Devices for the sync tests: each a browser context of its own (its own IndexedDB, its own
// service worker), with the app open on Settings.

export const ACCOUNT = { username: 'ada', password: 'ada-password' };
export const PASSPHRASE = 'plum orbit tidal seven';

export interface StoredReview {
	uid: string;
	card: string;
	rating: number;
	time: number;
	mode: string;
}

export class Device {
	private constructor(
		readonly context: BrowserContext,
		readonly page: Page
	) {}

	/** A device: a context with the project's phone, the app installed and its service worker. */
	static async open(browser: Browser, info: TestInfo): Promise<Device> {
		const { viewport, userAgent, isMobile, hasTouch, baseURL } = info.project.use;
		const context = await browser.newContext({
			viewport,
			userAgent,
			isMobile,
			hasTouch,
			baseURL,
			serviceWorkers: 'allow'
		});
		const page = await context.newPage();
		await page.goto('/settings/');
		await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		await waitForServiceWorker(page);
		return new Device(context, page);
	}

	async settings(): Promise<void> {
		await this.page.goto('/settings/');
		await this.page.waitForSelector('html[data-hydrated]', { state: 'attached' });
	}

	get section() {
		return this.page.getByRole('region', { name: 'Sync across devices' });
	}

	/** Fills in the sign-in form and turns sync on. */
	async signIn(passphrase = PASSPHRASE, password = ACCOUNT.password): Promise<void> {
		await this.settings();
		await this.section.getByLabel('Username').fill(ACCOUNT.username);
		await this.section.getByLabel('Password').fill(password);
		await this.section.getByLabel('Sync passphrase').fill(passphrase);
		await this.section.getByRole('button', { name: 'Turn on sync' }).click();
		await expect(
			this.section.getByTestId('sync-state').or(this.section.getByTestId('sync-problem'))
		).toBeVisible();
	}

	/** Presses Sync now and waits for the run to finish without an error. */
	async syncNow(): Promise<void> {
		await this.settings();
		const last = this.section.getByTestId('sync-last');
		await expect(last).not.toHaveText('Syncing…');
		await this.section.getByRole('button', { name: 'Sync now' }).click();
		await expect(this.section.getByRole('button', { name: 'Sync now' })).toBeEnabled();
		await expect(last).toContainText('Last synced');
		await expect(this.section.getByTestId('sync-error')).toHaveCount(0);
	}

	/** Changes a number in Settings' study settings, as a learner types it. */
	async setSetting(label: string, value: string): Promise<void> {
		await this.settings();
		const field = this.page.getByRole('spinbutton', { name: label });
		await field.fill(value);
		await field.press('Tab');
		await expect(this.page.getByRole('status').filter({ hasText: 'Saved' })).toBeAttached();
	}

	/** No network for this device (its sync server included). */
	async offline(): Promise<void> {
		await this.context.route(`${SYNC_URL}/**`, (route) => route.abort('internetdisconnected'));
		await this.context.setOffline(true);
	}

	async online(): Promise<void> {
		await this.context.unroute(`${SYNC_URL}/**`);
		await this.context.setOffline(false);
	}

	/** Starts studying all decks. */
	async startStudy(): Promise<void> {
		await this.page.goto('/study/');
		await this.page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		await this.page.getByRole('button', { name: 'Study all decks' }).click();
	}

	/** Answers the card shown with `grade`; `done` answers in the session then. */
	async answer(grade: 'Again' | 'Good' | 'Easy', done: number): Promise<void> {
		await this.page.getByRole('button', { name: 'Show answer' }).click();
		await this.page.getByRole('button', { name: new RegExp(`^${grade}`) }).click();
		await expect(this.page.getByRole('region', { name: 'Study session' })).toContainText(
			`${done} done`
		);
	}

	/** Studies `count` cards of all decks, each answered with `grade`. */
	async study(count: number, grade: 'Again' | 'Good' = 'Good'): Promise<void> {
		await this.startStudy();
		for (let i = 1; i <= count; i++) await this.answer(grade, i);
		await this.page.getByRole('button', { name: 'End session' }).click();
		await this.page.getByRole('button', { name: 'Back to decks' }).click();
	}

	/** The answers and card states this device stores. */
	async stored(): Promise<{ reviews: StoredReview[]; cards: Record<string, unknown> }> {
		return this.page.evaluate(async () => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('cto-prep');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const all = (store: string) =>
				new Promise<unknown[]>((resolve, reject) => {
					const request = db.transaction(store).objectStore(store).getAll();
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
			const reviews = ((await all('reviews')) as (StoredReview & { id?: number })[])
				.map(({ id: _id, ...review }) => review)
				.sort((a, b) => a.time - b.time || (a.uid < b.uid ? -1 : 1));
			const cards = Object.fromEntries(
				((await all('cards')) as { id: string }[]).map((card) => [card.id, card])
			);
			db.close();
			return { reviews, cards };
		});
	}

	async close(): Promise<void> {
		await this.context.close();
	}
}
