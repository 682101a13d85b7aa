/**
 * The engine's parts in running order: pipeline components, the aggregators that fold their
 * results into the comparison, the omission features they contribute, and how each measure
 * highlights its evidence in the reader. One list, so the app, the browser mode, the command
 * line and the workers all run the same analysis.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Highlight } from '../../shared/evidence';
import type { Aggregator, AnalysedArticle, FeatureSource } from './aggregate';
import type { Doc } from './document';
import { eventTermsComponent } from './events/terms';
import { figuresAggregator, figureFeatures } from './figures/aggregate';
import { DEFAULT_SERIES_ID, figuresComponent, figureReferenceComponent, referenceForFolder } from './figures/index';
import { FigureLexicon, figuresPack } from './figures/lexicon';
import { FIGURES } from './figures/slots';
import { packStamp } from './lexicons/pack';
import { framingAggregators, framingComponents, sentenceTone } from './measures/index';
import { ATTRIBUTIONS } from './measures/attribution';
import { CUES } from './measures/cues';
import { AFINN_STAMP, framingPackStamps, loadFramingPacks } from './measures/packs';
import actorsData from './lexicons/actors.json' with { type: 'json' };
import attributionData from './lexicons/attribution.json' with { type: 'json' };
import cuesData from './lexicons/cues.json' with { type: 'json' };
import figuresData from './lexicons/figures.json' with { type: 'json' };
import personsData from './lexicons/persons.json' with { type: 'json' };
import referentsData from './lexicons/referents.json' with { type: 'json' };
import overridesData from './lexicons/sentiment-overrides.json' with { type: 'json' };
import topicsData from './lexicons/topics.json' with { type: 'json' };
import voicesData from './lexicons/voices.json' with { type: 'json' };
import { LABELS } from './measures/referents';
import { SENTIMENT } from './measures/sentiment';
import type { Component } from './pipeline';
import { QUOTES, quotesComponent } from './text/quotes';
import { topicFeatures, topicPackForFolder, topicsAggregator, topicsComponent } from './topics/topics';
import { voicesAggregator, voicesComponent, voiceFeatures, VOICES } from './voices/index';
import { voiceLexicon } from './voices/lexicon';

/** How a measure marks its evidence in the reader's highlight layers. */
export type Highlighter = (article: AnalysedArticle, doc: Doc) => readonly Highlight[];

export interface EngineParts {
  readonly components: readonly Component[];
  readonly aggregators: readonly Aggregator[];
  readonly featureSources: readonly FeatureSource[];
  readonly highlighters: readonly Highlighter[];
  /** Lexicon packs and reference series in use, as id@version. */
  readonly lexicons: readonly string[];
}

const signTag = (weight: number): string => (weight > 0 ? 'positive' : weight < 0 ? 'negative' : 'neutral');

/** Every measure's evidence as reader highlights, each with a note saying what fired. */
export const HIGHLIGHTERS: readonly Highlighter[] = [
  ({ results }) =>
    results.has(SENTIMENT)
      ? results.get(SENTIMENT).words.map((w) => ({
          start: w.start,
          end: w.end,
          layer: 'sentiment' as const,
          tag: signTag(w.weight),
          note: `${w.rule} ${w.weight > 0 ? '+' : ''}${String(w.weight)}${w.negated ? ' (negated)' : ''}`,
        }))
      : [],
  ({ results }) =>
    results.has(LABELS)
      ? results.get(LABELS).hits.map((h) => ({
          start: h.evidence.start,
          end: h.evidence.end,
          layer: 'labels' as const,
          tag: h.connotation,
          note: `${h.referent}: “${h.label}” (${h.connotation})${h.quoted ? ', inside a quote' : ''}`,
        }))
      : [],
  ({ results }) =>
    results.has(ATTRIBUTIONS)
      ? results.get(ATTRIBUTIONS).hits.map((h) => ({
          start: h.evidence.start,
          end: h.evidence.end,
          layer: 'attribution' as const,
          tag: h.grade,
          note: `${h.grade} attribution “${h.verb}” — source: ${h.source.name}`,
        }))
      : [],
  ({ results }) =>
    results.has(CUES)
      ? results.get(CUES).hits.map((h) => ({
          start: h.evidence.start,
          end: h.evidence.end,
          layer: 'cues' as const,
          tag: h.kind,
          note: `${h.kind}: “${h.cue}”`,
        }))
      : [],
  ({ results }) =>
    results.has(FIGURES)
      ? results.get(FIGURES).flatMap((f) =>
          f.evidence.slice(0, 1).map((e) => ({
            start: e.start,
            end: e.end,
            layer: 'figures' as const,
            tag: f.record.category,
            note: `${f.record.written}: ${f.record.category}, ${f.record.victimGroup}${f.record.source ? `, attributed to ${f.record.source.label}` : ', no source'}`,
          })),
        )
      : [],
  ({ results }) => {
    const voices = results.has(VOICES) ? results.get(VOICES) : [];
    const bySpan = new Map(voices.map((v) => [`${String(v.start)}:${String(v.end)}`, v] as const));
    return results.get(QUOTES).map((q) => {
      const v = bySpan.get(`${String(q.contentStart)}:${String(q.contentEnd)}`);
      return {
        start: q.contentStart,
        end: q.contentEnd,
        layer: 'quotes' as const,
        tag: v?.group ?? 'unresolved',
        note: v?.speaker ? `Quote: ${v.speaker}${v.group ? ` (${v.group})` : ''}` : 'Quote: speaker not resolved',
      };
    });
  },
];

/** The parts for a folder: lexicon packs in `<folder>/lexicons/` replace the built-in ones. */
export function engineParts(folder: string | null): EngineParts {
  const framingPacks = loadFramingPacks(folder);
  const figurePack = figuresPack(folder);
  const voiceLex = voiceLexicon(folder);
  const topicPack = topicPackForFolder(folder);
  const reference = referenceForFolder(folder);
  return {
    components: [
      quotesComponent,
      ...framingComponents(folder, framingPacks),
      voicesComponent(voiceLex),
      figuresComponent(new FigureLexicon(figurePack)),
      figureReferenceComponent(reference),
      topicsComponent(topicPack),
      eventTermsComponent,
    ],
    aggregators: [
      ...framingAggregators(folder, framingPacks),
      figuresAggregator,
      voicesAggregator,
      topicsAggregator({ pack: topicPack, sentenceTone }),
    ],
    featureSources: [figureFeatures, voiceFeatures, topicFeatures],
    highlighters: HIGHLIGHTERS,
    lexicons: [
      ...framingPackStamps(framingPacks),
      packStamp(figurePack),
      packStamp(voiceLex.persons),
      packStamp(voiceLex.voices),
      packStamp(topicPack),
      `reference:${reference.id}`,
    ],
  };
}

/** Files and folders in an article folder that replace built-in lexicon packs or the reference series. */
const FOLDER_DATA = ['lexicons', 'reference.json', 'reference.csv'] as const;

/** True when the folder may hold its own packs or reference series (anything but "no such entry" counts). */
function hasFolderData(folder: string): boolean {
  return FOLDER_DATA.some((name) => {
    try {
      return statSync(path.join(folder, name), { throwIfNoEntry: false }) !== undefined;
    } catch {
      return true;
    }
  });
}

/** `engineParts(null).lexicons`, from the built-in packs' own headers (they are validated by tests and by any analysis). */
const BUILT_IN_STAMPS: readonly string[] = [
  AFINN_STAMP,
  ...[overridesData, actorsData, referentsData, attributionData, cuesData, figuresData, personsData, voicesData, topicsData].map(packStamp),
  `reference:${DEFAULT_SERIES_ID}`,
];

/**
 * The lexicon stamps of `engineParts(folder)` — what the cache keys are made of — without building
 * the matchers or validating every built-in pack again, which a re-open from the cache never needs.
 * A folder with a `lexicons` folder or a reference series of its own gets the full
 * `engineParts(folder).lexicons` (validated, so a broken pack is still an error naming the file).
 */
export function lexiconStamps(folder: string | null): readonly string[] {
  return folder !== null && hasFolderData(folder) ? engineParts(folder).lexicons : BUILT_IN_STAMPS;
}
