/**
 * Seed goldens for ingest, written by hand from seeds/*.txt and shared/seed-expectations.md
 * ("Boilerplate that must not be scored" and the outlet table): the exact lines excluded as page
 * clutter, with their kinds; every other line fully scored; metadata from the manifest; and, with
 * the manifest removed, what inference can and cannot read from the texts.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFolder, type LoadedArticle } from '../../src/main/engine/ingest/loadFolder';
import { buildDoc } from '../../src/main/engine/text/buildDoc';
import { SEEDS_DIR } from '../helpers/seedDocs';

/** Excluded lines per seed, in text order, each with the kind of clutter it is. */
const EXPECTED_EXCLUDED: Record<string, readonly (readonly [string, string])[]> = {
  '000': [
    ['(Photo: REUTERS/Evelyn Hockstein/Pool)', 'photo-credit'],
    ['Popular Articles', 'footer'],
    ['All Israel', 'footer'],
    ['Receive latest news & updates', 'footer'],
    ['A message from All Israel News', 'footer'],
    ['Help us educate Christians on a daily basis about what is happening in Israel & the Middle East and why it matters.', 'footer'],
    ['For as little as $10, you can support ALL ISRAEL NEWS, a non-profit media organization that is supported by readers like you.', 'footer'],
    ['Donate to ALL ISRAEL NEWS', 'footer'],
    ['Latest Stories', 'footer'],
  ],
  '001': [
    ['International ME Blinken 031924 AP Evelyn Hockstein', 'photo-credit'],
    ['Copyright 2024 Nexstar Media Inc. All rights reserved. This material may not be published, broadcast, rewritten, or redistributed.', 'copyright'],
    ['Source link', 'navigation'],
    ['About The Author', 'author-box'],
    ['Scroll to Top', 'navigation'],
  ],
  '002': [
    ['Updated On', 'timestamp-label'],
    ['New Update', 'timestamp-label'],
    ['Blinken Opposes Israeli Attack on Rafah, Urges Alternative Approach to Hamas', 'repeated-headline'],
    ['Blinken Opposes Israeli Attack on Rafah, Urges Alternative Approach to Hamas', 'repeated-headline'],
    ['Key Takeaways', 'summary-repeat'],
    ['• Blinken opposes Israeli assault on crowded Gaza city of Rafah, suggests "better ways".', 'summary-repeat'],
    ['• Blinken blames Hamas for lack of ceasefire, prioritizes hostage release and humanitarian aid.', 'summary-repeat'],
    ['• Gaza war since Oct 2023 has killed 34,568 people, UN warns of impending famine.', 'summary-repeat'],
    ['• Blinken pushes for ceasefire deal, but Hamas accuses him of failing to respect both sides.', 'summary-repeat'],
    ['• Proposed ceasefire includes releasing hostages, prisoners, and allowing displaced Palestinians to return.', 'summary-repeat'],
  ],
  '003': [],
  '004': [
    ['Share via', 'share'],
    ['Want more from the JC?', 'paywall'],
    ['To continue reading, we just need a few details...', 'paywall'],
    ['Want more from', 'paywall'],
    ['the JC?', 'paywall'],
    ['To continue reading, we just', 'paywall'],
    ['need a few details...', 'paywall'],
    ['Get the best news and views from across the Jewish world Get subscriber-only offers from our partners Subscribe to get access to our e-paper and archive', 'paywall'],
  ],
};

/** Sentences of the bodies (one or more per seed) that must stay scored: spot checks by hand. */
const BODY_SENTENCES: Record<string, readonly string[]> = {
  '000': [
    'The Hamas-owned Ministry of Health in Gaza claims that 22,835 Palestinians have been killed',
    "Gaza's Health Ministry does not distinguish between Hamas fighters and civilians.",
    'The IDF claims it has killed at least 8,300 terrorists since the conflict began on Oct. 7.',
    'U.S. Secretary of State Antony Blinken walks to meet with Qatar',
  ],
  '001': [
    'The Hamas-run Gaza Health Ministry reports that more than 31,000 Palestinians have died since the start of the Oct. 7 war.',
    '“The gaps are narrowing and we’re continuing to push for an agreement in Doha,” Blinken said.',
  ],
  '002': [
    "Israel's retaliatory offensive has since killed at least 34,568 people in Gaza",
    'Netanyahu told US Secretary of State Antony Blinken that he would not accept an end to the war in Gaza',
    'However, the sides remain far apart on the key issue of whether the war shoul',
  ],
  '003': ['JERUSALEM | Xinhua | United States Secretary of State Antony Blinken discussed in Tel Aviv'],
  '004': [
    'He was also scheduled to hold a sit-down meeting in Tel Aviv with families of American-Israeli hostages',
    '“Soldiers left everything behind and went out to fight for goals that the government defined',
  ],
};

function excludedLines(a: LoadedArticle): [string, string][] {
  const out: [string, string][] = [];
  for (const r of a.excluded) {
    for (const line of a.text.slice(r.start, r.end).split('\n')) {
      if (line.trim()) out.push([line.trim(), r.kind]);
    }
  }
  return out;
}

function overlapsExcluded(a: LoadedArticle, start: number, end: number): boolean {
  return a.excluded.some((r) => r.start < end && start < r.end);
}

describe('seed clutter (excluded ranges)', () => {
  let articles: readonly LoadedArticle[] = [];
  beforeAll(async () => {
    ({ articles } = await loadFolder(SEEDS_DIR));
  });

  it('loads all five seeds with no problems', () => {
    expect(articles.map((a) => a.summary.file.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
  });

  for (const key of Object.keys(EXPECTED_EXCLUDED)) {
    it(`${key}: excludes exactly the boilerplate lines, with their kinds`, () => {
      const a = articles.find((x) => x.summary.file.startsWith(key));
      expect(a).toBeDefined();
      if (!a) return;
      expect(excludedLines(a)).toEqual(EXPECTED_EXCLUDED[key]);
      for (const r of a.excluded) expect(r.pattern).toMatch(/^clutter:[a-z-]+$/);
    });

    it(`${key}: every other line of the file is scored in full`, () => {
      const a = articles.find((x) => x.summary.file.startsWith(key));
      if (!a) throw new Error('seed missing');
      const expected = new Set((EXPECTED_EXCLUDED[key] ?? []).map(([line]) => line));
      let pos = 0;
      for (const raw of a.text.split('\n')) {
        const line = raw.trim();
        const start = pos + raw.indexOf(line);
        pos += raw.length + 1;
        if (!line || expected.has(line)) continue;
        if (key === '000' && line.startsWith('U.S. Secretary of State Antony Blinken walks')) {
          // The caption stays; only its "(Photo: …)" credit is excluded.
          const credit = line.indexOf('(Photo:');
          expect(overlapsExcluded(a, start, start + credit)).toBe(false);
          continue;
        }
        expect(overlapsExcluded(a, start, start + line.length), line).toBe(false);
      }
    });

    it(`${key}: body sentences stay scored in the document model`, () => {
      const a = articles.find((x) => x.summary.file.startsWith(key));
      if (!a) throw new Error('seed missing');
      const doc = buildDoc(a.summary.id, a.text, a.excluded);
      for (const s of BODY_SENTENCES[key] ?? []) {
        const at = a.text.indexOf(s);
        expect(at, s).toBeGreaterThanOrEqual(0);
        const sentence = doc.sentences.find((x) => x.start <= at && at < x.end);
        expect(sentence?.excluded, s).toBe(false);
      }
    });
  }

  it('002: 34,568 is scored once (the Key Takeaways copy is excluded)', () => {
    const a = articles.find((x) => x.summary.file.startsWith('002'));
    if (!a) throw new Error('seed missing');
    const hits = [...a.text.matchAll(/34,568/g)].map((m) => m.index);
    expect(hits).toHaveLength(2);
    expect(hits.filter((i) => !overlapsExcluded(a, i, i + 6))).toHaveLength(1);
  });

  it('clean text is the file text (UTF-8, no changes), so offsets match the file', () => {
    for (const a of articles) {
      expect(a.text).toBe(readFileSync(path.join(SEEDS_DIR, a.summary.file), 'utf8'));
      expect(a.summary.encoding).toBe('UTF-8');
      expect(a.summary.language?.code).toBe('en');
    }
  });

  it('metadata comes from the manifest, as in seed-expectations.md', () => {
    const rows = articles.map((a) => [a.summary.file.slice(0, 3), a.summary.outlet.value, a.summary.date.value, a.summary.outlet.source]);
    expect(rows).toEqual([
      ['000', 'All Israel News', '2024-01-08', 'manifest'],
      ['001', 'The Hill', '2024-03-21', 'manifest'],
      ['002', 'BNN Breaking', '2024-05-01', 'manifest'],
      ['003', 'Xinhua', '2024-01-09', 'manifest'],
      ['004', 'The Jewish Chronicle', '2024-05-01', 'manifest'],
    ]);
  });
});

describe('seed metadata inferred without the manifest', () => {
  let dir = '';
  let articles: readonly LoadedArticle[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'framescope-seeds-'));
    cpSync(SEEDS_DIR, dir, { recursive: true });
    rmSync(path.join(dir, 'manifest.json'));
    ({ articles } = await loadFolder(dir));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (key: string): LoadedArticle => {
    const a = articles.find((x) => x.summary.file.startsWith(key));
    if (!a) throw new Error(`seed ${key} missing`);
    return a;
  };

  it('names the outlets of 000, 001, 003 and 004 from the text, quoting the clue', () => {
    expect(get('000').summary.outlet).toMatchObject({ value: 'All Israel News', source: 'text' });
    expect(get('000').summary.outlet.note).toContain('The All Israel News Staff');
    expect(get('001').summary.outlet).toMatchObject({ value: 'The Hill', source: 'text' });
    expect(get('001').summary.outlet.note).toContain('Nexstar Media');
    expect(get('003').summary.outlet).toMatchObject({ value: 'Xinhua', source: 'text', confidence: 'high' });
    expect(get('003').summary.outlet.note).toContain('JERUSALEM | Xinhua |');
    expect(get('004').summary.outlet).toMatchObject({ value: 'The Jewish Chronicle', source: 'text' });
    expect(get('004').summary.outlet.note).toContain('Want more from the JC?');
  });

  it('leaves 002 unknown and says why (only a personal byline)', () => {
    const outlet = get('002').summary.outlet;
    expect(outlet.value).toBeNull();
    expect(outlet.source).toBe('unknown');
    expect(outlet.note).toMatch(/names no outlet/);
    expect(get('002').summary.warnings).toContain('Outlet unknown: name it in the manifest.');
  });

  it('titles from the first heading line, skipping the 000 masthead; none for 003 (dateline)', () => {
    expect(get('000').summary.title.value).toBe('Blinken, set to arrive in Israel, warns war ‘could metastasize\' into regional conflict');
    expect(get('001').summary.title.value).toBe("Blinken: Israeli assault of Rafah would be 'mistake'");
    expect(get('002').summary.title.value).toBe('Israel Will Not End War on Hamas in Gaza As Part of Hostage Deal: Netanyahu Tells Blinken');
    expect(get('003').summary.title).toMatchObject({ value: null, source: 'unknown' });
    expect(get('003').summary.title.note).toMatch(/dateline/);
    expect(get('004').summary.title.value).toBe('Blinken to Netanyahu: Israel must ‘avoid further expansion’ of war');
  });

  it('dates as close as the text allows, with a stated confidence', () => {
    const days = (a: string | null, b: string): number => (a === null ? Infinity : Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000);
    // 000: photo caption "Jan. 7, 2024"; the story is 2024-01-08.
    const d0 = get('000').summary.date;
    expect(d0).toMatchObject({ value: '2024-01-07', source: 'text', confidence: 'medium' });
    expect(days(d0.value, '2024-01-08')).toBeLessThanOrEqual(1);
    // 001: wire-photo code 031924 → 2024-03-19; the story is 2024-03-21.
    const d1 = get('001').summary.date;
    expect(d1).toMatchObject({ value: '2024-03-19', source: 'text', confidence: 'low' });
    expect(days(d1.value, '2024-03-21')).toBeLessThanOrEqual(2);
    // 002: the only full date is the war's start, not the article's.
    expect(get('002').summary.date).toMatchObject({ value: null, source: 'unknown' });
    expect(get('002').summary.date.note).toContain('October 7, 2023');
    // 003 and 004 give weekdays and "October 7" without a year: no date.
    expect(get('003').summary.date.value).toBeNull();
    expect(get('004').summary.date.value).toBeNull();
  });
});
