import { test as base, expect } from '@playwright/test';

/**
 * Every end-to-end test runs under two guards: no page may violate its Content-Security-Policy (a
 * `securitypolicyviolation` event on any page, at any time, fails the test) and none may make a
 * single request to another origin (no fonts, analytics or CDNs).
 */
export const test = base.extend<{ guards: void }>({
	// Navigation waits until the app is interactive, so no test taps a button before it works.
	page: async ({ page }, use) => {
		const goto = page.goto.bind(page);
		const reload = page.reload.bind(page);
		const hydrated = () => page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		page.goto = async (...args) => {
			const response = await goto(...args);
			await hydrated();
			return response;
		};
		page.reload = async (...args) => {
			const response = await reload(...args);
			await hydrated();
			return response;
		};
		await use(page);
	},
	guards: [
		async ({ context }, use) => {
			const foreign: string[] = [];
			const violations: string[] = [];
			context.on('request', (request) => {
				const url = new URL(request.url());
				if (!['http:', 'https:'].includes(url.protocol)) return;
				// The app is served locally (a second local port serves another build in update.spec).
				if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')
					foreign.push(request.url());
			});
			await context.exposeFunction('reportCspViolation', (violation: string) => {
				violations.push(violation);
			});
			await context.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (event) => {
					const report = (window as unknown as { reportCspViolation: (text: string) => void })
						.reportCspViolation;
					report(
						`${event.violatedDirective} ${event.blockedURI || event.sample} on ${location.pathname}`
					);
				});
			});
			await use();
			expect(violations, 'Content-Security-Policy violations').toEqual([]);
			expect(foreign, 'requests to another origin').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
