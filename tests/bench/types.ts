/** One measured figure of a benchmark, as printed in the table and written to results.json. */
export interface Figure {
	/** What was measured, e.g. "time to first card, 100,000 cards". */
	name: string;
	value: number;
	/** "ms", "x" (a ratio to a floor), "MB", "items/s", "score", … */
	unit: string;
	/** The target as people read it, e.g. "≤ 1.5x"; absent when the figure is only reported. */
	target?: string;
	/** Whether the target was met; absent when there is no target. */
	pass?: boolean;
}

/** A group of figures from one benchmark. */
export interface Section {
	title: string;
	figures: Figure[];
	/** How it was measured, what the floor was, anything a reader needs to trust the figures. */
	notes?: string[];
}

/** What every benchmark module is given. */
export interface BenchContext {
	/** Where the production build is served, e.g. http://localhost:4176 (no trailing slash). */
	baseURL: string;
	/** Folder of the production build. */
	buildDir: string;
	/** Fewer repetitions and smaller sizes, for a quick check that the benchmark still runs. */
	quick: boolean;
}

/** A benchmark module exports `bench`. */
export type Bench = (context: BenchContext) => Promise<Section[]>;
