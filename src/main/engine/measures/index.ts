/**
 * The framing measures as pipeline components, in order, and their aggregators.
 *
 *   createPipeline([quotesComponent, ...framingComponents(folder)])
 *
 * The quotes component (text/quotes.ts) is shared with the voices work, so it is not part of
 * this list: put it once before these. `framingPipeline` does that for tests, scripts and
 * benchmarks.
 */
import { ENGINE_VERSION } from '../../../shared/version';
import type { FramingStamp } from '../../../shared/framing';
import type { Aggregator } from '../aggregate';
import { createPipeline, slot, type Component, type Pipeline } from '../pipeline';
import { quotesComponent } from '../text/quotes';
import { actorsComponent } from './actors';
import { attributionComponent } from './attribution';
import { cuesComponent } from './cues';
import { termsComponent } from './distinctive';
import { framingPackStamps, loadFramingPacks, type FramingPacks } from './packs';
import { labelsComponent } from './referents';
import { sentimentComponent } from './sentiment';
import {
  attributionAggregator,
  cuesAggregator,
  distinctiveAggregator,
  labelsAggregator,
  toneAggregator,
  toneByActorAggregator,
} from './aggregate';

export const FRAMING_STAMP = slot<FramingStamp>('framing-stamp');

/** The framing components in order (quotes excluded, see above); packs from `folder` or built-in. */
export function framingComponents(folder: string | null, packs: FramingPacks = loadFramingPacks(folder)): Component[] {
  const stamp: FramingStamp = { engineVersion: ENGINE_VERSION, packs: framingPackStamps(packs) };
  return [
    {
      name: 'framing-stamp',
      requires: [],
      assigns: [FRAMING_STAMP],
      run: (ctx) => ctx.set(FRAMING_STAMP, stamp),
    },
    sentimentComponent(packs.overrides),
    actorsComponent(packs.actors),
    labelsComponent(packs.referents),
    attributionComponent(packs.attribution),
    cuesComponent(packs.cues),
    termsComponent,
  ];
}

/** Quotes plus the framing components: a complete pipeline for the framing measures alone. */
export function framingPipeline(folder: string | null = null): Pipeline {
  return createPipeline([quotesComponent, ...framingComponents(folder)]);
}

/** The framing aggregators, in dashboard order. */
export function framingAggregators(folder: string | null = null, packs: FramingPacks = loadFramingPacks(folder)): Aggregator[] {
  return [
    toneAggregator,
    toneByActorAggregator,
    labelsAggregator(packs.referents),
    attributionAggregator,
    cuesAggregator,
    distinctiveAggregator(),
  ];
}

export { sentenceTone, toneDistribution } from './aggregate';
export { SENTIMENT } from './sentiment';
export { ACTORS } from './actors';
export { LABELS } from './referents';
export { ATTRIBUTIONS } from './attribution';
export { CUES } from './cues';
export { TERMS, logOdds } from './distinctive';
export { loadFramingPacks, framingPackStamps } from './packs';
