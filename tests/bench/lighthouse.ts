import { launch } from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './numbers';
import type { Bench, Figure, Section } from './types.ts';

/** The pages the issue names, with the short name used in figures and report files. */
const pages = [
	{ path: '/', name: 'home' },
	{ path: '/study/', name: 'study' },
	{ path: '/quiz/', name: 'quiz' }
] as const;

const categories = ['performance', 'accessibility', 'best-practices'] as const;
type CategoryId = (typeof categories)[number];

/** Targets from the issue: a score must reach `min`; LCP must stay under 1.2 s. */
const scoreTargets: Record<CategoryId, { label: string; min: number; target: string }> = {
	performance: { label: 'performance', min: 1, target: '= 1' },
	accessibility: { label: 'accessibility', min: 1, target: '= 1' },
	'best-practices': { label: 'best practices', min: 0.95, target: '≥ 0.95' }
};
const lcpLimitMs = 1200;

/** Where the median run's full report of each page is written, to open when a target is missed. */
const reportDir = join(tmpdir(), 'cto-prep-lighthouse');

const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * `simulate` (Lighthouse's default) records the page unthrottled and estimates the slow-phone times
 * from its graph of requests; `devtools` really slows the network and CPU while the page loads.
 */
type Throttling = 'simulate' | 'devtools';

/**
 * The floor: a page of plain HTML, no CSS or script, with a paragraph like the home page's lead.
 * Under the same profile and on the same host it shows what the network model and the machine
 * cost before the app adds anything.
 */
const floorPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Lighthouse floor page">
<title>Floor</title>
</head>
<body>
<h1>Prepare for the CTO role</h1>
<p>What a Chief Technology Officer does, how the role is reached, and how to answer for it in an interview. Everything works offline and stays on this device.</p>
</body>
</html>
`;

/**
 * Runs Lighthouse once, in a Chrome of its own, so that no cache, service worker or IndexedDB
 * survives from one run to the next.
 */
async function audit(url: string, throttlingMethod: Throttling = 'simulate'): Promise<Result> {
	const chrome = await launch({
		chromePath,
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu']
	});
	try {
		// No form factor, screen or throttling given: Lighthouse's default mobile profile with simulated throttling.
		const flags: Flags = {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: throttlingMethod === 'simulate' ? [...categories] : ['performance'],
			throttlingMethod
		};
		const result = await lighthouse(url, flags);
		if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
		const { lhr } = result;
		if (lhr.runtimeError) {
			throw new Error(
				`Lighthouse could not audit ${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`
			);
		}
		return lhr;
	} finally {
		chrome.kill();
	}
}

function categoryScore(lhr: Result, id: CategoryId): number {
	const score = lhr.categories[id]?.score;
	if (score === null || score === undefined) {
		throw new Error(`Lighthouse gave no ${id} score for ${lhr.finalDisplayedUrl}`);
	}
	return score;
}

function numericAudit(lhr: Result, id: string): number {
	const value = lhr.audits[id]?.numericValue;
	if (value === undefined) {
		throw new Error(`Lighthouse gave no value for audit "${id}" on ${lhr.finalDisplayedUrl}`);
	}
	return value;
}

/**
 * The audits of a category that fell short, with what Lighthouse says about each, so that a score
 * below 1 names its causes without opening the report. `scored` audits move the score; the others
 * (performance opportunities and diagnostics) explain it.
 */
function failingAudits(lhr: Result, id: CategoryId): { scored: string[]; flagged: string[] } {
	const scored: string[] = [];
	const flagged: string[] = [];
	const category = lhr.categories[id];
	if (!category || category.score === 1) return { scored, flagged };
	for (const ref of category.auditRefs) {
		const result = lhr.audits[ref.id];
		if (!result) continue;
		const failed =
			result.scoreDisplayMode === 'error' || (result.score !== null && result.score < 1);
		if (!failed) continue;
		const title = result.displayValue ? `${result.title} (${result.displayValue})` : result.title;
		(ref.weight > 0 ? scored : flagged).push(title);
	}
	return { scored, flagged };
}

/** Console errors Lighthouse saw, which cost best-practices points and may be real bugs. */
function consoleErrors(lhr: Result): string[] {
	const details = lhr.audits['errors-in-console']?.details;
	if (details?.type !== 'table') return [];
	return details.items.map((item) => `${String(item.source)}: ${String(item.description)}`);
}

function pageFigures(name: string, lhr: Result): Figure[] {
	const scores = categories.map((id): Figure => {
		const { label, min, target } = scoreTargets[id];
		const value = categoryScore(lhr, id);
		return { name: `${name}: ${label}`, value, unit: 'score', target, pass: value >= min };
	});
	const lcp = numericAudit(lhr, 'largest-contentful-paint');
	return [
		...scores,
		{
			name: `${name}: LCP, simulated`,
			value: Math.round(lcp),
			unit: 'ms',
			target: `< ${lcpLimitMs} ms`,
			pass: lcp < lcpLimitMs
		},
		{
			name: `${name}: total blocking time`,
			value: Math.round(numericAudit(lhr, 'total-blocking-time')),
			unit: 'ms'
		},
		{
			name: `${name}: cumulative layout shift`,
			value: Number(numericAudit(lhr, 'cumulative-layout-shift').toFixed(3)),
			unit: 'score'
		},
		{
			name: `${name}: bytes transferred`,
			value: Number((numericAudit(lhr, 'total-byte-weight') / 1024).toFixed(1)),
			unit: 'KB'
		}
	];
}

function pageNotes(name: string, lhr: Result, runs: number, reportPath: string): string[] {
	const notes = [
		`Median of ${runs} run${runs === 1 ? '' : 's'} (Lighthouse's computeMedianRun, by FCP and TTI); full report: ${reportPath}.`
	];
	for (const id of categories) {
		const { scored, flagged } = failingAudits(lhr, id);
		const label = `${name}, ${scoreTargets[id].label}`;
		if (scored.length > 0) notes.push(`${label} lost points on: ${scored.join('; ')}.`);
		if (flagged.length > 0) notes.push(`${label}, also flagged: ${flagged.join('; ')}.`);
	}
	for (const error of consoleErrors(lhr)) notes.push(`${name}, console error: ${error}`);
	return notes;
}

/** The profile as Lighthouse applied it, read back from the report rather than assumed. */
function profileNote(lhr: Result): string {
	const { formFactor, throttlingMethod, throttling, screenEmulation } = lhr.configSettings;
	const network = `${throttling.rttMs ?? '?'} ms RTT, ${((throttling.throughputKbps ?? 0) / 1024).toFixed(1)} Mbit/s`;
	return (
		`Lighthouse ${lhr.lighthouseVersion}, ${formFactor} profile, ${throttlingMethod === 'simulate' ? 'simulated' : throttlingMethod} throttling ` +
		`(${network}, ${throttling.cpuSlowdownMultiplier ?? '?'}x CPU slowdown), ` +
		`${screenEmulation.width}x${screenEmulation.height} screen; ` +
		`${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chrome'} headless, ` +
		`a fresh profile per run; host benchmark index ${lhr.environment.benchmarkIndex}.`
	);
}

/** Serves the floor page on a free port until `close` is called. */
export async function serveFloor(): Promise<{ url: string; close: () => Promise<void> }> {
	const server = createServer((_request, response) => {
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		response.end(floorPage);
	});
	await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') {
		throw new Error('The Lighthouse floor page server did not get a port');
	}
	return {
		url: `http://localhost:${address.port}/`,
		close: () =>
			new Promise((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			})
	};
}

/** Audits a page `runs` times, one after another, and keeps the median run's report. */
async function medianRun(
	url: string,
	runs: number,
	reportPath: string,
	throttling: Throttling = 'simulate'
): Promise<{ median: Result; lcps: number[] }> {
	const results: Result[] = [];
	// One after another: parallel Chromes would steal CPU from each other and skew the metrics.
	for (let run = 0; run < runs; run++) results.push(await audit(url, throttling));
	const median = computeMedianRun(results);
	await writeFile(reportPath, JSON.stringify(median, null, '\t'));
	const lcps = results.map((lhr) => Math.round(numericAudit(lhr, 'largest-contentful-paint')));
	return { median, lcps };
}

/**
 * The page loaded under really applied throttling (the mobile profile's network and CPU), the
 * check on the simulated estimate: the median LCP of the runs.
 */
async function appliedLcp(
	url: string,
	runs: number,
	name: string,
	withTarget = true
): Promise<{ figure: Figure; note: string }> {
	const reportPath = join(reportDir, `${name}-devtools.json`);
	const { median: report, lcps } = await medianRun(url, runs, reportPath, 'devtools');
	const { requestLatencyMs, downloadThroughputKbps, cpuSlowdownMultiplier } =
		report.configSettings.throttling;
	const note =
		`Applied throttling (Lighthouse's devtools mode, its equivalent of the simulated profile): ` +
		`${requestLatencyMs ?? '?'} ms request latency, ${((downloadThroughputKbps ?? 0) / 1024).toFixed(2)} Mbit/s down, ` +
		`${cpuSlowdownMultiplier ?? '?'}x CPU; LCP of each run: ${lcps.map((lcp) => `${lcp} ms`).join(', ')}; report: ${reportPath}.`;
	const value = Math.round(median(lcps));
	const figure = { name: `${name}: LCP, applied throttling`, value, unit: 'ms' };
	if (!withTarget) return { figure, note };
	return { figure: { ...figure, target: `< ${lcpLimitMs} ms`, pass: value < lcpLimitMs }, note };
}

/** Lighthouse (mobile profile, simulated throttling) on the home, study and quiz pages. */
export const bench: Bench = async ({ baseURL, quick }) => {
	const runs = quick ? 1 : 3;
	await mkdir(reportDir, { recursive: true });

	const sections: Section[] = [];
	for (const page of pages) {
		const reportPath = join(reportDir, `${page.name}.json`);
		const url = `${baseURL}${page.path}`;
		const { median, lcps } = await medianRun(url, runs, reportPath);
		const applied = await appliedLcp(url, runs, page.name);
		sections.push({
			title: `Lighthouse, mobile: ${page.name} (${page.path})`,
			figures: [...pageFigures(page.name, median), applied.figure],
			notes: [
				profileNote(median),
				...pageNotes(page.name, median, runs, reportPath),
				`Simulated LCP of each run: ${lcps.map((lcp) => `${lcp} ms`).join(', ')}.`,
				applied.note
			]
		});
	}

	const floor = await serveFloor();
	try {
		const reportPath = join(reportDir, 'floor.json');
		const { median } = await medianRun(floor.url, runs, reportPath);
		const floorApplied = await appliedLcp(floor.url, runs, 'floor', false);
		sections.push({
			title: 'Lighthouse, mobile: floor (plain HTML, one paragraph)',
			figures: [
				{ name: 'floor: performance', value: categoryScore(median, 'performance'), unit: 'score' },
				{
					name: 'floor: LCP, simulated',
					value: Math.round(numericAudit(median, 'largest-contentful-paint')),
					unit: 'ms'
				},
				{
					name: 'floor: total blocking time',
					value: Math.round(numericAudit(median, 'total-blocking-time')),
					unit: 'ms'
				},
				floorApplied.figure
			],
			notes: [
				'The best any page can score here: the same profile and host, no CSS, no script. ' +
					"LCP under simulated throttling starts with the document's own three round trips (DNS, TCP, request) at 150 ms each.",
				`Median of ${runs} run${runs === 1 ? '' : 's'}; full report: ${reportPath}.`,
				floorApplied.note
			]
		});
	} finally {
		await floor.close();
	}
	return sections;
};
