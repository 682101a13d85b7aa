import { generateEventArticles } from '../../scripts/eval-events';
import type { EventInput } from '../../src/main/engine/events/group';
import { extractTerms } from '../../src/main/engine/events/terms';
import { buildDoc } from '../../src/main/engine/text/buildDoc';

/** Event-grouping inputs of a generated folder; every `undatedEvery`-th article undated (0: none). */
export function generatedEventInputs(count: number, seed: number, undatedEvery: number): EventInput[] {
  return generateEventArticles(count, seed).map((a, i) => ({
    id: a.file,
    outlet: a.outlet,
    date: undatedEvery > 0 && i % undatedEvery === 0 ? null : a.date,
    terms: extractTerms(buildDoc(a.file, a.text)),
  }));
}
