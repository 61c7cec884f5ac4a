// `npm run test:e2e:stress`: the end-to-end suite while every core is kept busy by another process.
// A test that passes only on an idle machine is broken: this is how we find out before CI does.
// Extra arguments go to Playwright (`npm run test:e2e:stress -- --project=phone`).
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

const burners: ChildProcess[] = Array.from({ length: availableParallelism() }, () =>
	spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' })
);
const stopBurners = () => {
	for (const burner of burners) burner.kill('SIGKILL');
};
process.on('exit', stopBurners);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		stopBurners();
		process.exit(130);
	});
}

console.log(`Keeping ${burners.length} cores busy while the end-to-end tests run`);
const started = Date.now();
const playwright = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
	stdio: 'inherit'
});
playwright.on('exit', (code) => {
	stopBurners();
	console.log(`End-to-end tests under load: ${Math.round((Date.now() - started) / 1000)} s`);
	process.exit(code ?? 1);
});
