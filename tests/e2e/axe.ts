import type { Page } from '@playwright/test';
import axe from 'axe-core';

/** What axe checks in the light theme: WCAG 2.2 A and AA, and best practices. */
const ALL_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The rules a colour scheme can change; the rest depend on markup and layout only. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

interface Violation {
	id: string;
	impact?: string | null;
	help: string;
	nodes: { target: unknown[] }[];
}

declare global {
	interface Window {
		axe?: {
			run: (
				context: unknown,
				options: {
					resultTypes: string[];
					runOnly: { type: string; values: string[] };
					rules: Record<string, { enabled: boolean }>;
				}
			) => Promise<{ violations: Violation[] }>;
		};
	}
}

/**
 * Runs axe-core in the page and returns its violations, one line each.
 *
 * axe-core is run directly rather than through `@axe-core/playwright`: the wrapper injects the
 * whole engine (half a megabyte) on every call and finishes each run in a second blank page, which
 * made one check of a page cost 1.5–3 s on two cores against 0.1–0.5 s here. The engine is
 * injected once per document (page scripts run under the app's Content-Security-Policy, but
 * Playwright's evaluation does not).
 */
export async function axeViolations(
	page: Page,
	options: { scope?: string; rules?: string[]; skip?: string[] } = {}
): Promise<string[]> {
	if (!(await page.evaluate(() => window.axe !== undefined))) {
		await page.evaluate(axe.source);
	}
	const runOnly = options.rules
		? { type: 'rule', values: options.rules }
		: { type: 'tag', values: ALL_TAGS };
	const rules = Object.fromEntries((options.skip ?? []).map((id) => [id, { enabled: false }]));
	const violations = await page.evaluate(
		async ({ scope, runOnly, rules }) => {
			const context = scope ? document.querySelector(scope) : document;
			if (!window.axe || !context) throw new Error(`Nothing to check at ${scope ?? 'document'}`);
			const results = await window.axe.run(context, {
				resultTypes: ['violations'],
				runOnly,
				rules
			});
			return results.violations;
		},
		{ scope: options.scope, runOnly, rules }
	);
	return violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
				.slice(0, 3)
				.map((node) => node.target.join(' '))
				.join(', ')}`
	);
}

/**
 * Every axe violation of the page as it is now but the ones colours decide. Colours are the same at
 * every width (no media query of the app's changes one), so one viewport checks them.
 */
export async function axeWithoutColours(page: Page, scope?: string): Promise<string[]> {
	return axeViolations(page, { scope, skip: COLOUR_RULES });
}

/**
 * Every axe violation of the page as it is now: all rules in the light theme, then the colour
 * rules again in the dark theme (markup and layout are the same in both). Leaves the light theme on.
 */
export async function axeInBothThemes(page: Page, scope?: string): Promise<string[]> {
	await page.emulateMedia({ colorScheme: 'light' });
	const light = await axeViolations(page, { scope });
	await page.emulateMedia({ colorScheme: 'dark' });
	const dark = await axeViolations(page, { scope, rules: COLOUR_RULES });
	await page.emulateMedia({ colorScheme: 'light' });
	return [...light.map((line) => `light: ${line}`), ...dark.map((line) => `dark: ${line}`)];
}
