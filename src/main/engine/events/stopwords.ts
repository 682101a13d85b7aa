/**
 * Words that say nothing about which happening an article reports: English function words,
 * reporting verbs, calendar words and news filler. Event grouping and topic discovery skip them.
 * A fixed list rather than a lexicon pack: it is language plumbing, not a framing judgement.
 */
const WORDS = `
a about above across after afterwards again against ago all almost alone along already also although always am
among amid amongst an and another any anyone anything anywhere are around as at back be became because become
becomes been before beforehand behind being below beside besides between beyond both but by can cannot could
did do does doing done down during each either else elsewhere enough even ever every everyone everything
everywhere except few for former formerly from further had has have having he hence her here hers herself him
himself his how however i if in including indeed instead into is it its itself just last late later latter least
less made make many may me meanwhile might more moreover most mostly much must my myself near nearly neither
never nevertheless new next no nobody none nor not nothing now of off often on once one only onto or other others
otherwise our ours ourselves out over own per perhaps put rather re same seem seemed seems several she should
since so some somehow someone something sometime sometimes somewhere still such than that the their theirs them
themselves then there thereafter thereby therefore these they this those though through throughout thus to
together too toward towards under until up upon us very via was we well were what whatever when whence whenever
where whereas whether which while who whoever whole whom whose why will with within without would yet you your
yours yourself yourselves
said says say saying told tell tells according added adding stated noted asked
week weeks day days year years month months time times today yesterday tomorrow tonight earlier later ago
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
mr mrs ms dr st
first second third fourth fifth sixth seventh eighth ninth tenth
two three four five six seven eight nine ten hundred hundreds thousand thousands million millions billion
don't can't won't isn't aren't wasn't weren't it's that's there's he's she's they're we're i'm you're
also like get got go going went come came take took see seen want wanted use used way ways part
news report reports reported reporter reporters update updated source link read reading share
`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));

/** Capitalised words that begin a name run but do not identify anyone ("Prime Minister …"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  `secretary minister ministers president prime state foreign defense defence national security finance general
  king queen prince sheikh senator sen rep gov chief deputy ambassador spokesman spokeswoman spokesperson
  chancellor premier mayor governor commander lieutenant colonel captain sergeant admiral judge justice the a an
  u.s us uk un mr mrs ms dr former acting vice`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
