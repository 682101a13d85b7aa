/**
 * The figures lexicon pack (`lexicons/figures.json`): category cues, qualifiers, number words,
 * vague amounts, victim groups and places, non-people units, sources, attribution verbs and
 * caveats. Each kind of entry is matched under its own namespace ("fig:category", "fig:unit", …)
 * by the one merged phrase pass.
 */
import { z } from 'zod';
import type { FigureCategory, FigureQualifier, VictimGroup } from '../../../shared/figures';
import { CodedError } from '../../../shared/result';
import { packForFolder, type LexiconPack } from '../lexicons/pack';
import builtIn from '../lexicons/figures.json';
import type { PhraseEntry } from '../text/phraseIndex';

const category = z.enum([
  'killed',
  'wounded',
  'hostages',
  'hostages-released',
  'displaced',
  'fighters-killed',
  'fighters',
  'missing',
  'detained',
]) satisfies z.ZodType<FigureCategory>;
const group = z.enum(['palestinians', 'israelis', 'people-in-gaza', 'fighters', 'unspecified']) satisfies z.ZodType<VictimGroup>;
const qualifier = z.enum(['exact', 'at-least', 'more-than', 'approximately', 'at-most', 'vague']) satisfies z.ZodType<FigureQualifier>;

const base = { id: z.string().min(1), phrase: z.string().min(1), note: z.string().min(1) };

export const figureEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('category'),
    category,
    voice: z.enum(['active', 'passive', 'nominal']),
    group: group.optional(),
  }),
  z.object({ ...base, kind: z.literal('release') }),
  z.object({ ...base, kind: z.literal('held') }),
  z.object({ ...base, kind: z.literal('qualifier'), qualifier }),
  z.object({ ...base, kind: z.literal('number'), value: z.number().positive() }),
  z.object({ ...base, kind: z.literal('multiplier'), value: z.number().positive() }),
  z.object({ ...base, kind: z.literal('vague'), low: z.number().nonnegative(), high: z.number().positive().nullable() }),
  z.object({ ...base, kind: z.literal('group'), group }),
  z.object({ ...base, kind: z.literal('place'), group }),
  z.object({ ...base, kind: z.literal('agent'), group }),
  z.object({ ...base, kind: z.literal('people') }),
  z.object({ ...base, kind: z.literal('mask') }),
  z.object({ ...base, kind: z.literal('unit') }),
  z.object({ ...base, kind: z.literal('month') }),
  z.object({ ...base, kind: z.literal('oct7') }),
  z.object({ ...base, kind: z.literal('source'), source: z.string().regex(/^[a-z][a-z0-9-]*$/) }),
  z.object({ ...base, kind: z.literal('verb'), grade: z.enum(['neutral', 'distancing', 'endorsing']) }),
  z.object({ ...base, kind: z.literal('caveat') }),
]);

export type FigureEntry = z.infer<typeof figureEntrySchema>;
export type FigureEntryKind = FigureEntry['kind'];
export type EntryOf<K extends FigureEntryKind> = Extract<FigureEntry, { kind: K }>;

export const FIGURES_PACK_ID = 'figures';

/** The figures pack for a folder (its override when present, else the built-in pack). */
export function figuresPack(folder: string | null): LexiconPack<FigureEntry> {
  const pack = packForFolder(FIGURES_PACK_ID, builtIn, figureEntrySchema, folder);
  const seen = new Set<string>();
  for (const e of pack.entries) {
    if (seen.has(e.id)) {
      throw new CodedError('E_LEXICON_INVALID', `Lexicon pack ${pack.origin} has two entries with id "${e.id}".`);
    }
    seen.add(e.id);
  }
  return pack;
}

/** Every kind of entry, for reading this measure's matches namespace by namespace. */
export const FIGURE_KINDS: readonly FigureEntryKind[] = figureEntrySchema.options.map((o) => o.shape.kind.value);

/** "fig:<kind>" per kind, built once: the extractor asks for namespaces per number and cue. */
const NAMESPACES = new Map<string, string>(FIGURE_KINDS.map((kind) => [kind, `fig:${kind}`]));

/** Namespace under which entries of one kind are matched. */
export const ns = (kind: FigureEntryKind): string => NAMESPACES.get(kind) ?? `fig:${kind}`;

/** The pack's entries indexed by id, and its phrases for the merged index. */
export class FigureLexicon {
  private readonly byId = new Map<string, FigureEntry>();
  constructor(readonly pack: LexiconPack<FigureEntry>) {
    for (const e of pack.entries) this.byId.set(e.id, e);
  }

  entry<K extends FigureEntryKind>(kind: K, id: string): EntryOf<K> | undefined {
    const e = this.byId.get(id);
    return e?.kind === kind ? (e as EntryOf<K>) : undefined;
  }

  *phrases(): Iterable<PhraseEntry> {
    for (const e of this.pack.entries) yield { namespace: ns(e.kind), id: e.id, phrase: e.phrase };
  }
}
