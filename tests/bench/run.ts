// `npm run bench`: builds the app when a benchmark needs it, serves build/, runs the benchmark
// modules (node, browser, blocking, lighthouse, sync), prints their figures and writes tests/bench/results.json.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import type { Bench, BenchContext, Section } from './types';

const MODULES = ['node', 'browser', 'blocking', 'lighthouse', 'sync'] as const;
type ModuleName = (typeof MODULES)[number];
/** Modules that drive the production build in a browser, so need it built and served. */
const NEEDS_BUILD: readonly ModuleName[] = ['browser', 'blocking', 'lighthouse'];

const ROOT = resolve(import.meta.dirname, '../..');
const BENCH_DIR = join(ROOT, 'tests/bench');
const RESULTS = join(BENCH_DIR, 'results.json');
const BUILD_DIR = join(ROOT, 'build');
const SERVER_TIMEOUT_MS = 15_000;

interface Options {
	quick: boolean;
	only: ModuleName[];
	build: boolean;
}

interface Results {
	date: string;
	machine: {
		cpus: { model: string; count: number };
		memoryGB: number;
		node: string;
		platform: string;
	};
	/** Sections by the module that measured them, so a partial run replaces only its own. */
	sections: Partial<Record<ModuleName, Section[]>>;
}

function parseOptions(args: readonly string[]): Options {
	const options: Options = { quick: false, only: [...MODULES], build: true };
	for (const arg of args) {
		if (arg === '--quick') options.quick = true;
		else if (arg === '--no-build') options.build = false;
		else if (arg.startsWith('--only=')) {
			const names = arg.slice('--only='.length).split(',').filter(Boolean);
			const unknown = names.filter((name) => !(MODULES as readonly string[]).includes(name));
			if (unknown.length > 0 || names.length === 0) {
				throw new Error(
					`--only takes ${MODULES.join(', ')} (comma-separated), not "${unknown.join(',')}"`
				);
			}
			// Always in the order node, browser, blocking, lighthouse, sync, whatever order they were given in.
			options.only = MODULES.filter((name) => names.includes(name));
		} else {
			throw new Error(
				`unknown argument "${arg}" (use --quick, --only=node,browser,blocking,lighthouse,sync, --no-build)`
			);
		}
	}
	return options;
}

function moduleFile(name: ModuleName): string {
	return join(BENCH_DIR, `${name}.ts`);
}

/** The modules to run: those selected that exist (the others are reported and skipped). */
function availableModules(only: readonly ModuleName[]): ModuleName[] {
	return only.filter((name) => {
		if (existsSync(moduleFile(name))) return true;
		console.log(`note: tests/bench/${name}.ts does not exist yet, skipping it`);
		return false;
	});
}

function runBuild(): void {
	console.log('building: npm run build');
	const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`npm run build failed (exit code ${result.status})`);
}

async function answers(url: string): Promise<boolean> {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
		await response.body?.cancel();
		return true;
	} catch {
		return false;
	}
}

/** Serves build/ as `npm run preview` does, and waits until it answers. */
async function startServer(port: number, baseURL: string): Promise<ChildProcess> {
	if (!existsSync(BUILD_DIR)) throw new Error('build/ does not exist: run without --no-build');
	// Something else on the port would be measured in our place.
	if (await answers(baseURL))
		throw new Error(`port ${port} is in use: set BENCH_PORT to a free one`);
	const server = spawn(
		join(ROOT, 'node_modules/.bin/http-server'),
		['build', '-p', String(port), '-a', 'localhost', '-c-1', '-g', '-b', '--no-dotfiles'],
		{ cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] }
	);
	const deadline = Date.now() + SERVER_TIMEOUT_MS;
	while (!(await answers(baseURL))) {
		if (server.exitCode !== null)
			throw new Error(`http-server exited with code ${server.exitCode}`);
		if (Date.now() > deadline) {
			server.kill();
			throw new Error(`http-server did not answer on ${baseURL} within ${SERVER_TIMEOUT_MS} ms`);
		}
		await sleep(100);
	}
	return server;
}

async function loadBench(name: ModuleName): Promise<Bench> {
	const loaded: unknown = await import(pathToFileURL(moduleFile(name)).href);
	const bench = (loaded as { bench?: unknown }).bench;
	if (typeof bench !== 'function') throw new Error(`tests/bench/${name}.ts does not export bench`);
	return bench as Bench;
}

function formatValue(value: number, unit: string): string {
	const number = value.toLocaleString('en', { maximumFractionDigits: 3 });
	return unit === 'x' ? `${number}x` : `${number} ${unit}`;
}

function printSection(section: Section): void {
	const rows = section.figures.map((figure) => [
		figure.name,
		formatValue(figure.value, figure.unit),
		figure.target ?? '',
		figure.pass === undefined ? '' : figure.pass ? '✓' : '✗'
	]);
	const widths = [0, 1, 2].map((column) =>
		Math.max(...rows.map((row) => (row[column] ?? '').length), 0)
	);
	console.log(`\n${section.title}`);
	for (const [name = '', value = '', target = '', mark = ''] of rows) {
		const line = `  ${name.padEnd(widths[0] ?? 0)}  ${value.padStart(widths[1] ?? 0)}  ${target.padEnd(widths[2] ?? 0)}  ${mark}`;
		console.log(line.trimEnd());
	}
	for (const note of section.notes ?? []) console.log(`  · ${note}`);
}

function machine(): Results['machine'] {
	const cores = cpus();
	return {
		cpus: { model: cores[0]?.model.trim() ?? 'unknown', count: cores.length },
		memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
		node: process.version,
		platform: `${platform()} ${release()}`
	};
}

/** The earlier results, so a partial run keeps the sections of the modules it did not run. */
function previousSections(): Results['sections'] {
	if (!existsSync(RESULTS)) return {};
	try {
		const previous = JSON.parse(readFileSync(RESULTS, 'utf8')) as Partial<Results>;
		const sections = previous.sections;
		return sections && typeof sections === 'object' && !Array.isArray(sections) ? sections : {};
	} catch {
		console.log('note: tests/bench/results.json could not be read; writing it afresh');
		return {};
	}
}

function writeResults(measured: Results['sections']): void {
	const results: Results = {
		date: new Date().toISOString(),
		machine: machine(),
		sections: { ...previousSections(), ...measured }
	};
	writeFileSync(RESULTS, `${JSON.stringify(results, null, '\t')}\n`);
	console.log(`\nwrote ${RESULTS}`);
}

function reportMissed(measured: Results['sections']): void {
	const missed = Object.values(measured)
		.flat()
		.flatMap((section) => section.figures.filter((figure) => figure.pass === false))
		.map(
			(figure) =>
				`${figure.name} (${formatValue(figure.value, figure.unit)}, target ${figure.target})`
		);
	console.log(missed.length === 0 ? 'all targets met' : `targets missed: ${missed.join('; ')}`);
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	// tsx reads the `$lib` alias from the tsconfig SvelteKit generates, once, at startup.
	if (!existsSync(join(ROOT, '.svelte-kit/tsconfig.json'))) {
		throw new Error(
			'.svelte-kit/tsconfig.json is missing: run `npx svelte-kit sync` first (npm run bench does)'
		);
	}
	const modules = availableModules(options.only);
	const needsServer = modules.some((name) => NEEDS_BUILD.includes(name));
	if (needsServer && options.build) runBuild();

	const port = Number(process.env.BENCH_PORT ?? 4176);
	const context: BenchContext = {
		baseURL: `http://localhost:${port}`,
		buildDir: BUILD_DIR,
		quick: options.quick
	};
	const measured: Results['sections'] = {};
	let server: ChildProcess | undefined;
	// Ctrl-C must not leave the server behind.
	const stopOnSignal = () => {
		server?.kill();
		process.exit(130);
	};
	process.once('SIGINT', stopOnSignal);
	process.once('SIGTERM', stopOnSignal);
	try {
		if (needsServer) server = await startServer(port, context.baseURL);
		for (const name of modules) {
			console.log(`\nrunning ${name}…`);
			const sections = await (await loadBench(name))(context);
			sections.forEach(printSection);
			measured[name] = sections;
		}
	} finally {
		server?.kill();
		// What was measured before a crash is still worth keeping.
		if (Object.keys(measured).length > 0) writeResults(measured);
	}
	reportMissed(measured);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
});
