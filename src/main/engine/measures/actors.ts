/**
 * Actor mentions: names, titles and institutions of the actors pack found in each sentence, with
 * their actor group. Tone toward a group is read from the sentences that mention it; attribution
 * uses mentions as sources.
 */
import type { ActorGroupId } from '../../../shared/actors';
import type { Evidence } from '../document';
import type { LexiconPack } from '../lexicons/pack';
import { packStamp } from '../lexicons/pack';
import { slot, type Component } from '../pipeline';
import { longestPerNamespace } from '../text/phraseIndex';
import { evidenceAt, matchSpan } from './common';
import type { ActorEntry } from './packs';

export interface ActorMention {
  readonly actor: string;
  readonly name: string;
  readonly group: ActorGroupId;
  readonly sentence: number;
  readonly firstToken: number;
  readonly endToken: number;
  readonly evidence: Evidence;
}

export interface ActorsResult {
  readonly mentions: readonly ActorMention[];
  readonly packs: readonly string[];
}

export const ACTORS = slot<ActorsResult>('actors');

export function actorsComponent(pack: LexiconPack<ActorEntry>): Component {
  const byId = new Map(pack.entries.map((e) => [e.id, e]));
  const packs = [packStamp(pack)];
  return {
    name: 'actors',
    requires: [],
    assigns: [ACTORS],
    phrases: () => pack.entries.flatMap((e) => e.phrases.map((phrase) => ({ namespace: 'actor', id: e.id, phrase }))),
    run(ctx) {
      const mentions: ActorMention[] = [];
      for (const m of longestPerNamespace(ctx.matchesIn('actor'))) {
        const entry = byId.get(m.id);
        if (entry === undefined) continue;
        const { start, end } = matchSpan(ctx.doc, m);
        mentions.push({
          actor: entry.id,
          name: entry.name,
          group: entry.group,
          sentence: m.sentence,
          firstToken: m.firstToken,
          endToken: m.endToken,
          evidence: evidenceAt(ctx.doc, start, end, `actor:${entry.id}`, 1),
        });
      }
      ctx.set(ACTORS, { mentions, packs });
    },
  };
}
