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
import { longestFirst, matchSpan } from './common';
import type { ActorEntry } from './packs';

/** One actor mention as an object: the expanded form of one entry of `ActorsResult` (see `actorMentions`). */
export interface ActorMention {
  readonly actor: string;
  readonly name: string;
  readonly group: ActorGroupId;
  readonly sentence: number;
  readonly firstToken: number;
  readonly endToken: number;
  readonly evidence: Evidence;
}

/** Integers per mention in `ActorsResult.mentions`: actor index, sentence, first and end token, start and end offset. */
export const MENTION_WIDTH = 6;

/**
 * An article's actor mentions as columns: the actors met (each once, in order of first mention)
 * and, per mention, integers pointing into them and into the text. No object per mention: each
 * mention's evidence (`actor:<id>`, weight 1, the words as written) is rebuilt from the columns
 * when read (`actorMentions`).
 */
export interface ActorsResult {
  /** Actor ids, each once, in order of first mention. */
  readonly actors: readonly string[];
  /** The actors' names and groups, by the same index. */
  readonly names: readonly string[];
  readonly groups: readonly ActorGroupId[];
  /** MENTION_WIDTH integers per mention, in the order the mentions were found. */
  readonly mentions: Int32Array;
  /** Per mention: the words as written ("U.S. Secretary of State"), or null when they read as the actor's name. */
  readonly texts: readonly (string | null)[];
  readonly packs: readonly string[];
}

export const ACTORS = slot<ActorsResult>('actors');

/**
 * The mentions as objects, each with its evidence. `reuse` may return an evidence object already
 * made for the same words (start, end and rule), so an item shown under several measures is one
 * item.
 */
export function actorMentions(
  result: ActorsResult,
  articleId: string,
  reuse?: (start: number, end: number, rule: string) => Evidence | undefined,
): ActorMention[] {
  const { mentions, actors, names, groups, texts } = result;
  const rules = actors.map((id) => `actor:${id}`);
  const out: ActorMention[] = [];
  for (let i = 0, at = 0; at + MENTION_WIDTH <= mentions.length; i += 1, at += MENTION_WIDTH) {
    const a = mentions[at] ?? 0;
    const start = mentions[at + 4] ?? 0;
    const end = mentions[at + 5] ?? 0;
    const rule = rules[a] ?? '';
    const name = names[a] ?? '';
    out.push({
      actor: actors[a] ?? '',
      name,
      group: groups[a] ?? 'other',
      sentence: mentions[at + 1] ?? 0,
      firstToken: mentions[at + 2] ?? 0,
      endToken: mentions[at + 3] ?? 0,
      evidence: reuse?.(start, end, rule) ?? { articleId, start, end, text: texts[i] ?? name, rule, weight: 1 },
    });
  }
  return out;
}

/** The sentence of each mention, in mention order. */
export function mentionSentences(result: ActorsResult): number[] {
  const out: number[] = [];
  for (let at = 1; at < result.mentions.length; at += MENTION_WIDTH) out.push(result.mentions[at] ?? 0);
  return out;
}

export function actorsComponent(pack: LexiconPack<ActorEntry>): Component {
  const byId = new Map(pack.entries.map((e) => [e.id, e]));
  const packs = [packStamp(pack)];
  return {
    name: 'actors',
    requires: [],
    assigns: [ACTORS],
    phrases: () => pack.entries.flatMap((e) => e.phrases.map((phrase) => ({ namespace: 'actor', id: e.id, phrase }))),
    run(ctx) {
      const found = longestFirst(ctx.matchesIn('actor'));
      const index = new Map<string, number>();
      const actors: string[] = [];
      const names: string[] = [];
      const groups: ActorGroupId[] = [];
      const texts: (string | null)[] = [];
      const mentions = new Int32Array(found.length * MENTION_WIDTH);
      let at = 0;
      for (const m of found) {
        const entry = byId.get(m.id);
        if (entry === undefined) continue;
        let a = index.get(entry.id);
        if (a === undefined) {
          a = actors.length;
          index.set(entry.id, a);
          actors.push(entry.id);
          names.push(entry.name);
          groups.push(entry.group);
        }
        const { start, end } = matchSpan(ctx.doc, m);
        const text = ctx.doc.text.slice(start, end);
        texts.push(text === entry.name ? null : text);
        mentions[at] = a;
        mentions[at + 1] = m.sentence;
        mentions[at + 2] = m.firstToken;
        mentions[at + 3] = m.endToken;
        mentions[at + 4] = start;
        mentions[at + 5] = end;
        at += MENTION_WIDTH;
      }
      ctx.set(ACTORS, { actors, names, groups, mentions: mentions.slice(0, at), texts, packs });
    },
  };
}
