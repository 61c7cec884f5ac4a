/**
 * First-visit blocking time, measured directly: each page opened in a fresh browser (no cache, no
 * service worker, no stored decks) with the CPU slowed 4x, as Lighthouse's mobile profile does,
 * and the long tasks the browser itself reports summed as total blocking time (each task's time
 * over 50 ms, from the first contentful paint on). Lighthouse's simulated TBT estimates the same
 * from one unthrottled trace and moves by half between runs on this machine; this figure is the
 * median of several real runs.
 */
import { chromium } from '@playwright/test';
import { serveFloor } from './lighthouse';
import { median } from './numbers';
import type { Bench, Figure } from './types';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CPU_SLOWDOWN = 4;
/** After the network is quiet, how long tasks are still collected (deck storing, counting). */
const SETTLE_MS = 4000;
const TARGET_MS = 150;

interface Visit {
	blocking: number;
	longest: number;
}

async function firstVisit(url: string): Promise<Visit> {
	const browser = await chromium.launch({ executablePath: CHROMIUM });
	try {
		const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
		await page.addInitScript(() => {
			const tasks: [number, number][] = [];
			(window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
			}).observe({ type: 'longtask', buffered: true });
		});
		await page.goto(url, { waitUntil: 'networkidle' });
		await page.waitForTimeout(SETTLE_MS);
		return await page.evaluate(() => {
			const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
			const tasks = (window as unknown as { longTasks: [number, number][] }).longTasks;
			const after = tasks.filter(([start]) => start >= fcp).map(([, duration]) => duration);
			return {
				blocking: after.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
				longest: Math.max(0, ...after)
			};
		});
	} finally {
		await browser.close();
	}
}

async function figuresOf(name: string, url: string, runs: number, target: boolean) {
	const visits: Visit[] = [];
	// One after another: parallel browsers would steal CPU from each other.
	for (let run = 0; run < runs; run++) visits.push(await firstVisit(url));
	const blocking = Math.round(median(visits.map((visit) => visit.blocking)));
	const figure: Figure = {
		name: `${name}: blocking time, first visit`,
		value: blocking,
		unit: 'ms'
	};
	const figures: Figure[] = [
		target ? { ...figure, target: `< ${TARGET_MS} ms`, pass: blocking < TARGET_MS } : figure,
		{
			name: `${name}: longest task`,
			value: Math.round(median(visits.map((visit) => visit.longest))),
			unit: 'ms'
		}
	];
	const note = `${name}, each run: ${visits.map((visit) => Math.round(visit.blocking)).join(', ')} ms.`;
	return { figures, note };
}

/** Home, study and quiz on a first visit, beside a plain HTML page. */
export const bench: Bench = async ({ baseURL, quick }) => {
	const runs = quick ? 1 : 5;
	const figures: Figure[] = [];
	const notes = [
		`A fresh browser per run, CPU slowed ${CPU_SLOWDOWN}x by the DevTools protocol, no network throttling; ` +
			`long tasks as the page's PerformanceObserver reports them, from the first contentful paint until ` +
			`${SETTLE_MS / 1000} s after the network is quiet; median of ${runs} run${runs === 1 ? '' : 's'}.`
	];
	for (const [name, path] of [
		['home', '/'],
		['study', '/study/'],
		['quiz', '/quiz/']
	] as const) {
		const result = await figuresOf(name, `${baseURL}${path}`, runs, true);
		figures.push(...result.figures);
		notes.push(result.note);
	}
	const floor = await serveFloor();
	try {
		const result = await figuresOf('floor (plain HTML)', floor.url, runs, false);
		figures.push(...result.figures);
		notes.push(result.note);
	} finally {
		await floor.close();
	}
	return [{ title: 'First visit: main-thread blocking, 4x slower CPU', figures, notes }];
};
