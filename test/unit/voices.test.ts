import { describe, expect, it } from 'vitest';
import { EvidenceStore, type AnalysedArticle } from '../../src/main/engine/aggregate';
import { parsePack } from '../../src/main/engine/lexicons/pack';
import { createPipeline } from '../../src/main/engine/pipeline';
import { buildDoc } from '../../src/main/engine/text/buildDoc';
import { quotesComponent } from '../../src/main/engine/text/quotes';
import { VOICES, voiceComponentsFor, voiceFeatures, voiceLexicon, voicesAggregator, voiceShares, VoiceLexicon } from '../../src/main/engine/voices';
import { personEntrySchema } from '../../src/main/engine/voices/lexicon';

const pipeline = createPipeline([quotesComponent, ...voiceComponentsFor(null)]);

function analyse(text: string, outlet = 'X'): AnalysedArticle {
  const meta = { id: `v-${String(text.length)}`, outlet, title: null, date: null };
  return { meta, results: pipeline.run(buildDoc(meta.id, text), meta) };
}

const voices = (text: string): [string, string | null, string | null, string][] =>
  analyse(text)
    .results.get(VOICES)
    .map((v) => [v.kind, v.personId, v.speakerAs, v.text]);

describe('speakers of direct quotes', () => {
  it.each([
    ['name before the verb', '“It is a mistake,” Blinken said.', 'blinken', 'Blinken'],
    ['verb before the name', '“We are determined,” said Blinken.', 'blinken', 'Blinken'],
    ['pronoun', 'Secretary of State Antony Blinken spoke in Cairo.\n“It would be a mistake,” he said.', 'blinken', 'he'],
    ['pronoun by gender', 'Orit Strook met Netanyahu.\n“We are throwing it in the trash,” she said.', 'strook', 'she'],
    ['title, last holder mentioned', 'Blinken met President Isaac Herzog.\n“Freeing the hostages is the priority,” the president continued.', 'herzog', 'the president'],
    ['title, default holder', '“The war must not be stopped,” the prime minister said.', 'netanyahu', 'the prime minister'],
    ['participle attaches to the subject', 'Herzog also highlighted reports about Netanyahu and Yoav Gallant, saying, “This is a danger.”', 'herzog', 'Herzog'],
    ['according to an institution', 'They “discussed ongoing efforts,” according to a press release from the US State Department.', 'state-department', 'US State Department'],
    ['headline colon', "Blinken: Israeli assault of Rafah would be 'mistake'", 'blinken', 'Blinken'],
  ])('%s', (_name, text, person, as) => {
    const [v] = analyse(text).results.get(VOICES);
    expect(v).toMatchObject({ kind: 'direct', personId: person, speakerAs: as });
  });

  it('resolves "the statement" to the institution that spoke last, and "his office" to the man named last', () => {
    const text =
      'Blinken stressed “the importance of avoiding harm,” according to a statement released by his office.\n' +
      '“The Secretary reiterated the need for peace,” the statement read.';
    expect(voices(text).map(([k, p, as]) => [k, p, as])).toEqual([
      ['direct', 'blinken', 'Blinken'],
      ['direct', 'blinken', 'the statement'],
    ]);
  });

  it('continues a speaker over a quote in the same paragraph, and joins multi-paragraph quotes', () => {
    const text = '“This is a moment of tension,” Blinken said. “This could metastasize.”\n\n“It goes on\n\n“and on,” Netanyahu said.';
    expect(voices(text).map(([, p, , t]) => [p, t])).toEqual([
      ['blinken', 'This is a moment of tension,'],
      ['blinken', 'This could metastasize.'],
      ['netanyahu', 'It goes on and on,'],
    ]);
  });

  it('leaves a scare quote with no speaker unresolved rather than guessing', () => {
    const text = 'Blinken said so.\n\nOfficials met.\n\nIsrael has no plan for “the day after” the war.';
    expect(voices(text).filter(([k]) => k === 'direct')).toEqual([['direct', null, null, 'the day after']]);
  });

  it('counts words quoted', () => {
    const [v] = analyse('“The gaps are narrowing, and we’re continuing,” Blinken said.').results.get(VOICES);
    expect(v?.words).toBe(7);
  });
});

describe('paraphrases', () => {
  it('finds "X said that …" and "a senior Hamas official accused …" with the speaker’s group', () => {
    const text = 'Blinken stated that the release of hostages is a priority.\nHowever, a senior Hamas official accused Blinken of failing to respect both sides.';
    const list = analyse(text).results.get(VOICES);
    expect(list.map((v) => [v.kind, v.personId, v.group, v.verb])).toEqual([
      ['paraphrase', 'blinken', 'us-officials', 'stated'],
      ['paraphrase', 'hamas', 'hamas', 'accused'],
    ]);
  });

  it('does not read "United States" as a speech verb', () => {
    expect(voices('Blinken reiterated the United States opposition to an assault.')).toEqual([]);
  });
});

describe('share of voice and absence', () => {
  const a = analyse('“We will win,” Netanyahu said. “Hostages must come home,” Blinken said.', 'Outlet A');
  const b = analyse('Talks continued.', 'Outlet B');

  it('shares quoted words by group and lists every unquoted group as absent', () => {
    const [sa, sb] = voiceShares([a, b], ['Outlet A', 'Outlet B']);
    expect(sa?.totalWords).toBe(7);
    const us = sa?.groups.find((g) => g.group === 'us-officials');
    expect(us).toMatchObject({ words: 4, quotes: 1, absent: false });
    expect(us?.share).toBeCloseTo(4 / 7);
    expect(sa?.groups.find((g) => g.group === 'hamas')).toMatchObject({ words: 0, absent: true });
    expect(sb?.groups.every((g) => g.absent)).toBe(true);
  });

  it('tables absence as a cell noted "absent", and features only the groups quoted', () => {
    const store = new EvidenceStore();
    const [table] = voicesAggregator.tables([a, b], ['Outlet A', 'Outlet B'], store, { kind: 'corpus' });
    const rowA = table?.rows[0];
    expect(rowA?.cells.hamas).toEqual({ value: 0, count: 0, evidenceKey: null, note: 'absent: no direct quote' });
    expect(rowA?.cells['israeli-government']?.value).toBeCloseTo(3 / 7);
    const key = rowA?.cells['israeli-government']?.evidenceKey ?? '';
    expect(store.get(key)?.evidence.map((e) => e.text)).toContain('We will win,');
    expect(voiceFeatures(a).map((f) => f.key)).toEqual(['voice:us-officials', 'voice:israeli-government']);
    expect(voiceFeatures(b)).toEqual([]);
  });
});

describe('persons pack', () => {
  it('rejects a title whose holder is not in the pack', () => {
    const lex = voiceLexicon(null);
    const persons = parsePack(
      'persons',
      {
        id: 'persons',
        version: '1.0.0',
        description: 'd',
        provenance: 'p',
        entries: [{ id: 'pm', kind: 'title', aliases: ['the prime minister'], holders: ['nobody'], note: 'n' }],
      },
      personEntrySchema,
      'persons-test.json',
    );
    expect(() => new VoiceLexicon(persons, lex.voices)).toThrow(/title "pm" names unknown holder "nobody"/);
  });

  it('rejects an unknown actor group', () => {
    const bad = { id: 'persons', version: '1.0.0', description: 'd', provenance: 'p', entries: [{ id: 'x', kind: 'institution', name: 'X', group: 'aliens', aliases: ['X'], note: 'n' }] };
    expect(() => parsePack('persons', bad, personEntrySchema, 'p.json')).toThrow(/p\.json is not valid at entries\.0\.group: group must be one of/);
  });
});
