import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceStore, type AnalysedArticle } from '../../src/main/engine/aggregate';
import {
  ACTORS,
  ATTRIBUTIONS,
  CUES,
  LABELS,
  SENTIMENT,
  TERMS,
  framingAggregators,
  framingPipeline,
  logOdds,
  sentenceTone,
  toneDistribution,
} from '../../src/main/engine/measures/index';
import { FRAMING_STAMP } from '../../src/main/engine/measures/index';
import { termCounts } from '../../src/main/engine/measures/distinctive';
import { actorMentions, MENTION_WIDTH } from '../../src/main/engine/measures/actors';
import { sentenceValue } from '../../src/main/engine/measures/sentiment';
import { quantile } from '../../src/main/engine/measures/aggregate';
import { loadFramingPacks } from '../../src/main/engine/measures/packs';
import { buildDoc } from '../../src/main/engine/text/buildDoc';
import { ENGINE_VERSION } from '../../src/shared/version';

const pipeline = framingPipeline(null);
let n = 0;
function analyse(text: string, outlet = 'X', title: string | null = null): AnalysedArticle {
  n += 1;
  const meta = { id: `a${String(n)}`, outlet, title, date: null };
  return { meta, results: pipeline.run(buildDoc(meta.id, text), meta) };
}
const rules = (text: string): string[] => analyse(text).results.get(SENTIMENT).words.map((w) => `${w.rule}=${String(w.weight)}`);
const labels = (text: string): string[] =>
  analyse(text).results.get(LABELS).hits.map((h) => `${h.labelId}${h.quoted ? ' (quoted)' : ''}`);
const sources = (text: string): string[] =>
  analyse(text).results.get(ATTRIBUTIONS).hits.map((h) => `${h.verb}:${h.grade}->${h.source.key}`);

describe('sentiment', () => {
  it('scores AFINN words on our tokens, each as evidence with offsets', () => {
    const text = 'The attack killed civilians. Aid brought hope.';
    const r = analyse(text).results.get(SENTIMENT);
    expect(r.words.map((w) => `${w.rule}=${String(w.weight)}@${String(w.sentence)}`)).toEqual([
      'afinn:attack=-1@0',
      'afinn:killed=-3@0',
      'afinn:hope=2@1',
    ]);
    for (const w of r.words) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(Array.from(r.sentenceScores)).toEqual([-4, 2]);
    expect(Array.from(r.sentenceComparative)).toEqual([-1, 2 / 3]);
    expect(Array.from(r.sentenceTone)).toEqual([-2, 2 / Math.sqrt(3)]);
    expect(r.tone).toBeCloseTo((-2 + 2 / Math.sqrt(3)) / 2);
    expect(r.packs).toContain('sentiment-overrides@1.0.0');
  });

  it('finds words touching curly quotes', () => {
    expect(rules('He said ‘avoid it’ and showed “commitment”.')).toEqual(['afinn:avoid=-1', 'afinn:commitment=2']);
  });

  it.each<[string, string[]]>([
    ['This is not good.', ['afinn:not good=-2']],
    ['They do not support it.', ['afinn:support=-2']],
    ['They don’t really support it.', ['afinn:support=-2']],
    ['It was never a good deal.', ['afinn:good=-3']],
    ['Not, he said, a good deal.', ['afinn:good=3']],
    ['Not the first nor the last good one.', ['afinn:good=-3']],
  ])('negation within a short window, same clause: %s', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['The United Nations warned.', ['afinn:warned=-2']],
    ['The war goes on.', []],
    ['Defense Minister Yoav Gallant spoke.', []],
    ['Gallant soldiers fought.', ['afinn:gallant=3']], // sentence-initial: the adjective, not the name
    ['Blinken met Yoav Gallant. Gallant told him so.', []], // the article names him mid-sentence
    ['A top diplomat came.', []],
    ['The offensive continued.', ['override:offensive=-1']],
    ['They agreed a cease fire.', ['afinn:agreed=1']],
  ])('domain overrides: %s', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it('does not score excluded sentences', () => {
    const text = 'Bad news. Donate and help us!';
    const doc = buildDoc('x', text, [{ start: 10, end: text.length }]);
    const r = pipeline.run(doc, { id: 'x', outlet: 'X', title: null, date: null }).get(SENTIMENT);
    expect([0, 1].map((i) => sentenceValue(r.sentenceScores, i))).toEqual([-3, null]);
    expect(r.sentenceTone).toBeInstanceOf(Float64Array);
    expect(Number.isNaN(r.sentenceTone[1])).toBe(true);
    expect(r.words.map((w) => w.rule)).toEqual(['afinn:bad']);
  });

  it('gives sentence tone to other measures', () => {
    const a = analyse('Bad. Good.');
    expect(sentenceTone(a, 0)).toBe(-3);
    expect(sentenceTone(a, 1)).toBe(3);
    expect(sentenceTone(a, 5)).toBeNull();
  });
});

describe('actors', () => {
  it('maps names, titles and institutions to groups, longest name first', () => {
    const a = analyse('The US State Department and the IDF spoke with Hamas officials and UNRWA.');
    expect(actorMentions(a.results.get(ACTORS), a.meta.id).map((m) => `${m.actor}/${m.group}`)).toEqual([
      'us-state-department/us-officials',
      'idf/israeli-government',
      'hamas/hamas',
      'un/un-aid',
    ]);
  });

  it('keeps mentions as columns and rebuilds the evidence of each from them', () => {
    const text = 'Hamas said Israel struck. U.S. Secretary of State Antony Blinken met Hamas.';
    const a = analyse(text);
    const result = a.results.get(ACTORS);
    expect(result.mentions).toBeInstanceOf(Int32Array);
    expect(result.mentions.length).toBe(result.texts.length * MENTION_WIDTH);
    // Each actor once; words written as the actor's name are not stored again.
    expect(new Set(result.actors).size).toBe(result.actors.length);
    const mentions = actorMentions(result, a.meta.id);
    expect(mentions.map((m) => m.evidence.text)).toEqual(mentions.map((m) => text.slice(m.evidence.start, m.evidence.end)));
    expect(result.texts.filter((t) => t === null).length).toBeGreaterThan(0);
    expect(result.texts).toContain('U.S. Secretary of State');
    expect(mentions[0]?.evidence).toEqual({ articleId: a.meta.id, start: 0, end: 5, text: 'Hamas', rule: 'actor:hamas', weight: 1 });
    // An attribution source that is an actor mention is the same evidence item behind the mention.
    const source = a.results.get(ATTRIBUTIONS).hits[0]?.source.evidence;
    expect(actorMentions(result, a.meta.id, () => source ?? undefined)[0]?.evidence).toBe(source);
  });
});

describe('wording by referent', () => {
  it.each<[string, string[]]>([
    ['The Hamas-run Gaza Health Ministry said 100 died.', ['gaza-moh/hamas-run']],
    ['The Hamas-owned Ministry of Health in Gaza claims more.', ['gaza-moh/hamas-owned']],
    ["Gaza's Health Ministry does not distinguish.", ['gaza-moh/gazas']],
    ['The Health Ministry in Gaza reported deaths.', ['gaza-moh/gaza']],
    ['The health ministry says Palestinians died.', ['gaza-moh/unlabelled']],
    ['after a Hamas-led attack on southern Israel', ['oct7/hamas-led-attack']],
    ['the attacks of October 7', ['oct7/october-7-attack']],
    ['in a brutal attack on Oct. 7', ['oct7/brutal-attack']],
    ['Israel’s retaliatory offensive has since killed many.', ['israeli-action/retaliatory-offensive']],
    ['an Israeli invasion in Rafah', ['israeli-action/invasion']],
    ['the war against Hamas in the Gaza Strip', ['the-war/war-on-hamas', 'gaza/gaza-strip']],
    ['the release of Palestinian terrorists held in Israeli prisons', ['prisoners/terrorists-in-prisons']],
    ['He will travel to Ramallah in the occupied West Bank.', ['west-bank/occupied']],
    ['Settlers in Judea and Samaria', ['west-bank/judea-samaria']],
    ['several thousand fighters of Hamas’s battalions', ['hamas-members/fighters']],
  ])('%s', (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it('credits labels inside direct quotes to the quoted speaker', () => {
    const a = analyse('“The terrorists must be stopped,” he said of Hamas. Troops killed Hamas fighters.');
    const hits = a.results.get(LABELS).hits;
    expect(hits.map((h) => [h.labelId, h.quoted !== null])).toEqual([
      ['hamas-members/terrorists', true],
      ['hamas-members/fighters', false],
    ]);
    expect(hits[0]?.quoted?.start).toBe(0);
  });

  describe('false positives', () => {
    it.each([
      'He made offensive remarks.',
      'The war cabinet met.',
      'Firefighters fought the blaze.',
      'The fighters of the rebel army advanced.',
      'The ministry of health in London reported flu cases.',
      'Jewish terrorists attacked a village.',
      'The United States stated its view.',
      'An invasion of privacy, critics said.',
      'The operation on his knee went well.',
    ])('%s', (text) => {
      expect(labels(text)).toEqual([]);
    });
  });
});

describe('attribution', () => {
  it.each<[string, string[]]>([
    ['The Hamas-owned Ministry of Health in Gaza claims that 22,835 died.', ['claimed:distancing->actor:gaza-health-ministry']],
    ['The IDF claims it has killed 8,300 terrorists.', ['claimed:distancing->actor:idf']],
    ['According to the IDF, 40 rockets were fired.', ['according-to:neutral->actor:idf']],
    ['“It is a mistake,” Blinken said.', ['says:neutral->actor:blinken']],
    ['“It is a mistake,” said Antony Blinken.', ['says:neutral->actor:blinken']],
    ['“It is a mistake,” said Ms Harris.', ['says:neutral->name:ms harris']],
    ['Netanyahu has insisted that the offensive will proceed.', ['insisted:distancing->actor:netanyahu']],
    ['Army Radio reported on Wednesday.', ['reported:neutral->actor:idf']],
    ['He confirmed the deal.', ['confirmed:endorsing->pronoun:he']],
    ['Netanyahu noted that this marks a first.', ['noted:endorsing->actor:netanyahu']],
    ['Blinken, on his sixth trip to the region, said more aid is needed.', ['says:neutral->actor:blinken']],
    ['The office said talks continue.', ['says:neutral->name:office']],
    ['Officials alleged abuse.', ['alleged:distancing->name:officials']],
  ])('%s', (text, expected) => {
    expect(sources(text)).toEqual(expected);
  });

  describe('false positives', () => {
    it.each([
      'The United States backs Israel.',
      'He rejected the claims outright.',
      'Following reports in the media, prices rose.',
      '“We said no,” is all there is.',
    ])('%s', (text) => {
      expect(sources(text)).toEqual([]);
    });
  });

  it('does not count a verb inside a quote, and not "reports" after "according to"', () => {
    expect(sources('Netanyahu, according to reports in the Hebrew media, pushed back.')).toEqual([
      'according-to:neutral->name:reports in the hebrew media',
    ]);
  });
});

describe('cues', () => {
  const cues = (text: string): string[] =>
    analyse(text).results.get(CUES).hits.map((h) => `${h.kind}:${h.cue}${h.quoted ? ' (quoted)' : ''}`);
  it.each<[string, string[]]>([
    ['a brutal attack on heavily damaged homes', ['intensifier:brutal', 'intensifier:heavily']],
    ['the so-called humanitarian zone', ['hedge:so-called']],
    ['The figure could not be independently verified.', ['hedge:unverified']],
    ['Rafah is believed to be a holdout.', ['hedge:believed-to']],
    ['He urged them to accept the “extraordinarily generous” deal, Blinken said.', ['intensifier:extraordinarily (quoted)']],
    ['The plan was called a “peace deal” by nobody.', ['scare-quote:scare-quote']],
  ])('%s', (text, expected) => {
    expect(cues(text)).toEqual(expected);
  });

  it('no scare quote where a speaker owns the short quote', () => {
    expect(cues('Blinken called it a “mistake”.')).toEqual([]);
    expect(cues('It was, he said, a “mistake”.')).toEqual([]);
  });
});

describe('distinctive words', () => {
  it('records countable words and bigrams without stop-words, numbers or clutter', () => {
    const a = analyse('The Gaza health ministry said 100 died. Gaza health officials agree.');
    const counts = termCounts(a.results.get(TERMS));
    expect(Object.fromEntries(counts)).toEqual({
      gaza: 2,
      health: 2,
      'gaza health': 2,
      ministry: 1,
      'health ministry': 1,
      died: 1,
      officials: 1,
      'health officials': 1,
      agree: 1,
      'officials agree': 1,
    });
  });

  it('computes weighted log-odds with an informative Dirichlet prior (Monroe et al. 2008)', () => {
    const group = new Map([['terrorists', 20], ['gaza', 10]]);
    const rest = new Map([['terrorists', 2], ['gaza', 10], ['militants', 20]]);
    const ranked = logOdds(group, rest, 10, 1);
    expect(ranked.map((t) => t.term)).toEqual(['terrorists', 'gaza']);
    // Hand computation for "terrorists": n_i = 30, n_j = 32, α0 = 10, α_w = 10 · 22/62.
    const aw = (10 * 22) / 62;
    const delta = Math.log((20 + aw) / (30 + 10 - 20 - aw)) - Math.log((2 + aw) / (32 + 10 - 2 - aw));
    expect(ranked[0]?.delta).toBeCloseTo(delta, 10);
    expect(ranked[0]?.z).toBeCloseTo(delta / Math.sqrt(1 / (20 + aw) + 1 / (2 + aw)), 10);
    // "gaza" is used at about the same rate on both sides: a small z, far below "terrorists".
    expect(Math.abs(ranked[1]?.z ?? NaN)).toBeLessThan(1);
  });
});

describe('aggregators', () => {
  const articles = [
    analyse('Terrible attack. Killed many.', 'A', 'a1'),
    analyse('Great hope. “The terrorists attacked,” he said of Hamas.', 'A', 'a2'),
    analyse('Hamas militants attacked Israel, Hamas said. Hamas militants again.', 'B', 'b1'),
  ];
  const store = new EvidenceStore();
  const tables = framingAggregators(null).flatMap((a) => a.tables(articles, ['A', 'B', 'C'], store, { kind: 'corpus' }));
  const table = (id: string) => {
    const t = tables.find((x) => x.id === id);
    if (!t) throw new Error(`no table ${id}`);
    return t;
  };

  it('summarises article tones per outlet for a box or strip plot', () => {
    const d = toneDistribution(articles, ['A', 'B', 'C']);
    expect(d.map((x) => [x.outlet, x.n])).toEqual([['A', 2], ['B', 1], ['C', 0]]);
    const a1 = articles[0]?.results.get(SENTIMENT).tone ?? NaN;
    const a2 = articles[1]?.results.get(SENTIMENT).tone ?? NaN;
    expect(d[0]?.mean).toBeCloseTo((a1 + a2) / 2);
    expect(d[0]?.points.map((p) => p.title)).toEqual(['a1', 'a2']);
    expect(d[2]?.mean).toBeNull();
    const tone = table('tone');
    expect(tone.rows.map((r) => r.outlet)).toEqual(['A', 'B', 'C']);
    expect(tone.rows[0]?.cells.mean?.value).toBeCloseTo((a1 + a2) / 2);
    expect(tone.rows[2]?.cells.mean?.value).toBeNull();
    const key = tone.rows[0]?.cells.mean?.evidenceKey;
    expect(key).not.toBeNull();
    expect(store.get(key ?? '')?.evidence.map((e) => e.rule)).toContain('afinn:terrible');
  });

  it('quantiles interpolate like R type 7', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    expect(quantile([5], 0.5)).toBe(5);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('shows own and quoted labels apart, one table per referent', () => {
    const t = table('labels:hamas-members');
    expect(t.columns.map((c) => c.id)).toEqual(['hamas-members/terrorists:quoted', 'hamas-members/militants']);
    expect(t.rows[0]?.cells['hamas-members/terrorists:quoted']?.value).toBe(1);
    expect(t.rows[1]?.cells['hamas-members/militants']?.value).toBe(2);
    expect(t.rows[1]?.cells['hamas-members/terrorists:quoted']?.value).toBeNull();
    expect(tables.filter((x) => x.id.startsWith('labels:')).length).toBe(8);
  });

  it('counts attribution by source and grade', () => {
    const t = table('attribution');
    expect(t.rows[1]?.cells['actor:hamas/neutral']?.value).toBe(1);
    expect(t.rows[1]?.cells['grade:neutral']?.value).toBe(1);
  });

  it('tone toward actor groups reads the sentences that mention them', () => {
    const t = table('tone-by-actor');
    expect(t.columns.map((c) => c.id)).toContain('hamas');
    expect(t.rows[1]?.cells.hamas?.count).toBe(2);
  });

  it('ranks distinctive words per outlet with evidence', () => {
    const t = table('distinctive');
    // Outlet B alone writes "militants" (twice): its most distinctive word.
    expect(t.rows[1]?.cells['1']?.note).toBe('militants');
    const key = t.rows[1]?.cells['1']?.evidenceKey ?? '';
    expect(store.get(key)?.evidence.map((e) => e.rule)).toEqual(['distinctive:militants', 'distinctive:militants']);
  });
});

describe('packs and versions', () => {
  it('stamps engine and lexicon versions on every result', () => {
    const stamp = analyse('x').results.get(FRAMING_STAMP);
    expect(stamp.engineVersion).toBe(ENGINE_VERSION);
    expect(ENGINE_VERSION).toBe('0.2.0');
    expect(stamp.packs).toEqual(
      expect.arrayContaining(['referents@1.0.0', 'actors@1.0.0', 'attribution@1.0.0', 'cues@1.0.0', 'sentiment-overrides@1.0.0']),
    );
    expect(stamp.packs.some((p) => p.startsWith('afinn-165@sentiment-'))).toBe(true);
  });

  it('uses a folder override and names the file and entry of a broken one', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'fs-framing-'));
    mkdirSync(path.join(folder, 'lexicons'));
    const file = path.join(folder, 'lexicons', 'cues.json');
    writeFileSync(file, JSON.stringify({ id: 'cues', version: '9.0.0', description: 'd', provenance: 'p', entries: [{ id: 'x', kind: 'hedge', phrases: ['maybe'], note: 'n' }] }));
    expect(loadFramingPacks(folder).cues.version).toBe('9.0.0');
    const p = framingPipeline(folder);
    const r = p.run(buildDoc('z', 'Maybe so.'), { id: 'z', outlet: null, title: null, date: null });
    expect(r.get(CUES).hits.map((h) => h.cue)).toEqual(['x']);
    writeFileSync(file, JSON.stringify({ id: 'cues', version: '9.0.0', description: 'd', provenance: 'p', entries: [{ id: 'x', kind: 'boost', phrases: ['maybe'], note: 'n' }] }));
    expect(() => loadFramingPacks(folder)).toThrow(/cues\.json is not valid at entries\.0\.kind/);
    const refs = path.join(folder, 'lexicons', 'referents.json');
    writeFileSync(refs, JSON.stringify({ id: 'referents', version: '1.0.0', description: 'd', provenance: 'p', entries: [{ kind: 'label', id: 'a/b', referent: 'a', label: 'b', connotation: 'neutral', phrases: ['b'], note: 'n' }] }));
    expect(() => loadFramingPacks(folder)).toThrow(/referents\.json is not valid at entries\.0\.referent/);
  });

  it('every built-in entry carries a note', () => {
    const packs = loadFramingPacks(null);
    for (const pack of Object.values(packs) as { entries: { note: string }[] }[]) {
      for (const e of pack.entries) expect(e.note.length).toBeGreaterThan(10);
    }
  });
});
