/**
 * The framing measures' lexicon packs: entry schemas, the built-in defaults (JSON files in
 * ../lexicons) and loading with per-folder overrides. The AFINN lexicon itself is imported from
 * the installed `sentiment` package, never copied; only our domain corrections are a pack.
 */
import { z } from 'zod';
import { ACTOR_GROUP_IDS, type ActorGroupId } from '../../../shared/actors';
import { ATTRIBUTION_GRADES, CONNOTATIONS, type AttributionGrade } from '../../../shared/framing';
import { CodedError } from '../../../shared/result';
import { packForFolder, packStamp, type LexiconPack } from '../lexicons/pack';
import actorsData from '../lexicons/actors.json' with { type: 'json' };
import attributionData from '../lexicons/attribution.json' with { type: 'json' };
import cuesData from '../lexicons/cues.json' with { type: 'json' };
import referentsData from '../lexicons/referents.json' with { type: 'json' };
import overridesData from '../lexicons/sentiment-overrides.json' with { type: 'json' };
import sentimentEnglish from 'sentiment/languages/en/index.js';
import negatorsData from 'sentiment/languages/en/negators.json' with { type: 'json' };
import sentimentPackage from 'sentiment/package.json' with { type: 'json' };

const phrases = z.array(z.string().min(1)).min(1);
const note = z.string().min(1);

export const OverrideEntry = z.object({
  phrase: z.string().min(1),
  score: z.number().min(-5).max(5),
  match: z.enum(['any', 'capitalized']).optional(),
  note,
});
export type OverrideEntry = z.infer<typeof OverrideEntry>;

export const ActorEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  group: z.enum(ACTOR_GROUP_IDS as [ActorGroupId, ...ActorGroupId[]]),
  phrases,
  note,
});
export type ActorEntry = z.infer<typeof ActorEntry>;


export const ReferentEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('referent'), id: z.string().regex(/^[a-z0-9-]+$/), title: z.string().min(1), note }),
  z.object({
    kind: z.literal('label'),
    id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'label ids look like "referent/label"'),
    referent: z.string().min(1),
    label: z.string().min(1),
    connotation: z.enum(CONNOTATIONS),
    phrases,
    requireAny: z.array(z.string().min(1)).optional(),
    excludeAny: z.array(z.string().min(1)).optional(),
    notFollowedBy: z.array(z.string().min(1)).optional(),
    note,
  }),
]);
export type ReferentEntry = z.infer<typeof ReferentEntry>;
export type LabelEntry = Extract<ReferentEntry, { kind: 'label' }>;


export const AttributionEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  grade: z.enum(ATTRIBUTION_GRADES),
  phrases,
  sourceAfter: z.boolean().optional(),
  notPrecededBy: z.array(z.string().min(1)).optional(),
  note,
});
export type AttributionEntry = z.infer<typeof AttributionEntry>;

export const CueEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(['intensifier', 'hedge']),
  phrases,
  note,
});
export type CueEntry = z.infer<typeof CueEntry>;
export type { AttributionGrade };

export interface FramingPacks {
  readonly overrides: LexiconPack<OverrideEntry>;
  readonly actors: LexiconPack<ActorEntry>;
  readonly referents: LexiconPack<ReferentEntry>;
  readonly attribution: LexiconPack<AttributionEntry>;
  readonly cues: LexiconPack<CueEntry>;
}

/**
 * Loads the framing packs for a folder (`<folder>/lexicons/<id>.json` overrides a built-in pack;
 * null = built-ins only). Throws E_LEXICON_INVALID naming the file and entry when one is broken.
 */
export function loadFramingPacks(folder: string | null): FramingPacks {
  const referents = packForFolder('referents', referentsData, ReferentEntry, folder);
  const known = new Set(referents.entries.filter((e) => e.kind === 'referent').map((e) => e.id));
  for (const [i, e] of referents.entries.entries()) {
    if (e.kind === 'label' && !known.has(e.referent)) {
      throw new CodedError('E_LEXICON_INVALID', `Lexicon pack ${referents.origin} is not valid at entries.${i}.referent: no referent "${e.referent}".`);
    }
  }
  return {
    overrides: packForFolder('sentiment-overrides', overridesData, OverrideEntry, folder),
    actors: packForFolder('actors', actorsData, ActorEntry, folder),
    referents,
    attribution: packForFolder('attribution', attributionData, AttributionEntry, folder),
    cues: packForFolder('cues', cuesData, CueEntry, folder),
  };
}

/** The AFINN lexicon shipped by the `sentiment` package, with its version, for stamps. */
export const AFINN: ReadonlyMap<string, number> = new Map(
  // The package merges its emoji scores into this same object when its analyser is loaded;
  // keep the AFINN words only (every one has a letter), whatever the import order.
  Object.entries(sentimentEnglish.labels).filter(([word]) => /\p{L}/u.test(word)),
);
export const AFINN_STAMP = `afinn-165@sentiment-${sentimentPackage.version}`;

/** The `sentiment` package's English negators ("not", "don't", "isn't"…). */
export const NEGATORS: ReadonlySet<string> = new Set(Object.keys(negatorsData));

/** "id@version" of every pack, as stamped on results and exports. */
export function framingPackStamps(packs: FramingPacks): string[] {
  return [AFINN_STAMP, ...Object.values(packs).map((p: LexiconPack<unknown>) => packStamp(p))];
}
