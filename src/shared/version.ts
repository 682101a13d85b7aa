/** Version of the analysis engine, stamped on every result and export. Bump when output changes. */
export const ENGINE_VERSION = '0.2.0';

/**
 * Version of the per-article record format (the pipeline's slot values as cached and passed
 * between threads). Bump when a slot's shape changes, so caches written in an older shape are
 * analysed again rather than misread. 2: event terms as columns; 3: term sequences with typed offsets; 4: actor mentions as columns; 5: per-sentence tone in typed arrays; 6: topic sentences without their offsets (never read).
 */
export const RECORD_FORMAT = 6;

/** What cached results and snapshots are keyed by, with the lexicon versions after it. */
export const resultsVersion = `${ENGINE_VERSION} records-${String(RECORD_FORMAT)}`;
