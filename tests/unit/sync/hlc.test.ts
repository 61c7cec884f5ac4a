import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '$lib/limits';
import { ClockSkewError } from '$lib/sync/errors';
import {
	MAX_COUNTER,
	compareHlc,
	formatHlc,
	parseHlc,
	receive,
	startHlc,
	tick,
	type Hlc
} from '$lib/sync/hlc';

const NOW = Date.UTC(2026, 10, 29, 12, 0);

const node = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const wall = fc.integer({ min: LIMITS.appEpoch, max: LIMITS.latest });
const hlc: fc.Arbitrary<Hlc> = fc.record({
	wall,
	counter: fc.integer({ min: 0, max: MAX_COUNTER }),
	node
});
/** Readings a few milliseconds apart, so that equal walls (where counters decide) are common. */
const near: fc.Arbitrary<Hlc> = fc.record({
	wall: fc.integer({ min: NOW, max: NOW + 3 }),
	counter: fc.integer({ min: 0, max: 3 }),
	node
});
/** Clocks that stay close: most steps are within a second, forwards or back. */
const steps = fc.array(fc.integer({ min: -5_000, max: 5_000 }), { minLength: 1, maxLength: 50 });

describe('a hybrid logical clock', () => {
	it('moves forward on every local edit, even when the wall clock goes back', () => {
		fc.assert(
			fc.property(node, wall, steps, (id, start, moves) => {
				let clock = startHlc(id);
				let now = start;
				for (const move of moves) {
					now += move;
					const next = tick(clock, now);
					expect(compareHlc(next, clock)).toBe(1);
					expect(next.wall).toBeGreaterThanOrEqual(now);
					clock = next;
				}
			})
		);
	});

	it('stays with the wall clock when it moves on', () => {
		const clock = tick(tick(startHlc('a'), NOW), NOW);
		expect(clock).toEqual({ wall: NOW, counter: 1, node: 'a' });
		expect(tick(clock, NOW + 1)).toEqual({ wall: NOW + 1, counter: 0, node: 'a' });
		expect(tick(clock, NOW - 60_000)).toEqual({ wall: NOW, counter: 2, node: 'a' });
	});

	it('after seeing another edit, is later than both its own and the other', () => {
		fc.assert(
			fc.property(
				fc.oneof(hlc, near),
				fc.oneof(hlc, near),
				fc.integer({ min: -LIMITS.clockSkewMs, max: LIMITS.clockSkewMs }),
				(mine, theirs, ahead) => {
					// Our wall clock is within an hour of theirs, behind or ahead.
					const now = theirs.wall - ahead;
					const next = receive(mine, theirs, now);
					expect(compareHlc(next, mine)).toBe(1);
					expect(compareHlc(next, theirs)).toBe(1);
					expect(next.node).toBe(mine.node);
					expect(next.wall).toBeGreaterThanOrEqual(now);
				}
			)
		);
	});

	it('refuses an edit stamped more than an hour ahead of this device', () => {
		const mine = tick(startHlc('a'), NOW);
		const theirs = { wall: NOW + LIMITS.clockSkewMs + 1, counter: 0, node: 'b' };
		expect(() => receive(mine, theirs, NOW)).toThrow(ClockSkewError);
		expect(() => receive(mine, theirs, NOW)).toThrow(/more than an hour ahead/);
		expect(receive(mine, { ...theirs, wall: NOW + LIMITS.clockSkewMs }, NOW).wall).toBe(
			NOW + LIMITS.clockSkewMs
		);
	});

	it('moves to the next millisecond rather than let its counter overflow', () => {
		const full = { wall: NOW, counter: MAX_COUNTER, node: 'a' };
		expect(tick(full, NOW)).toEqual({ wall: NOW + 1, counter: 0, node: 'a' });
		expect(formatHlc(tick(full, NOW)) > formatHlc(full)).toBe(true);
	});

	it('orders readings as text the way compareHlc orders them', () => {
		fc.assert(
			fc.property(fc.oneof(hlc, near), fc.oneof(hlc, near), (a, b) => {
				const [x, y] = [formatHlc(a), formatHlc(b)];
				expect(Math.sign(x < y ? -1 : x > y ? 1 : 0)).toBe(compareHlc(a, b));
			})
		);
		// Orders of magnitude apart: fixed width keeps 9 before 10.
		expect(
			formatHlc({ wall: 9, counter: 9, node: 'a' }) < formatHlc({ wall: 10, counter: 0, node: 'a' })
		).toBe(true);
	});

	it('belongs to a device whose id can be written', () => {
		expect(() => startHlc('')).toThrow(RangeError);
		expect(() => startHlc('my laptop')).toThrow(RangeError);
		expect(startHlc('laptop-1')).toEqual({ wall: 0, counter: 0, node: 'laptop-1' });
	});

	it('reads back what it wrote, and nothing else', () => {
		fc.assert(
			fc.property(hlc, (clock) => {
				expect(parseHlc(formatHlc(clock))).toEqual(clock);
			})
		);
		for (const text of [
			'',
			'1-2-a',
			`${'0'.repeat(15)}-00000-`,
			`${'0'.repeat(15)}-00000-a b`,
			`${'0'.repeat(14)}x-00000-a`
		]) {
			expect(parseHlc(text)).toBeNull();
		}
	});
});
