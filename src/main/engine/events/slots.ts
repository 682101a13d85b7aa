/**
 * Every article's similarity to every event group without an n × n matrix.
 *
 * Similarity is a dot product of term vectors times a factor of the two dates, so the summed
 * similarity of an article to a group's members is exact from the group's per-day sums of member
 * vectors ("slots"):
 *
 *   Σ_{j ∈ G} s(i, j) = Σ over G's days d of  dateFactor(day_i, d) · (v_i · Σ_{G,d})
 *
 * One pass over an inverted index of the slots gives, for each article, its summed similarity to
 * its own group and its mean similarity to the nearest other group: what confidence, runner-up and
 * cohesion need. Cost: each article's terms times the slots holding them, not n².
 */
import { dateFactor, type EventCorpus } from './group';

type Vec = Map<number, number>;

function addVector(into: Vec, ids: Int32Array, weights: Float32Array): void {
  for (let k = 0; k < ids.length; k += 1) {
    const t = ids[k] ?? 0;
    into.set(t, (into.get(t) ?? 0) + (weights[k] ?? 0));
  }
}

export interface GroupSimilarities {
  /** Per article (corpus index): the sum of its similarities to the other members of its group. */
  readonly inSum: Float64Array;
  /**
   * Per article: the group (index into the groups given) with the highest mean similarity other
   * than its own, ties to the earlier group, and that mean; -1 when there is no other group.
   */
  readonly runnerUp: Int32Array;
  readonly runnerUpMean: Float64Array;
}

/**
 * Every article's summed similarity to its own group and best mean similarity to another, from
 * an inverted index over the groups' per-day vector sums (no n × n matrix).
 */
export function groupSimilarities(corpus: EventCorpus, groups: readonly (readonly number[])[]): GroupSimilarities {
  const n = corpus.inputs.length;
  const o = corpus.options;
  const slotGroup: number[] = [];
  const slotDay: number[] = [];
  const slotVecs: Vec[] = [];
  const groupOf = new Int32Array(n).fill(-1);
  groups.forEach((members, g) => {
    const byDay = new Map<string, number>();
    for (const i of members) {
      groupOf[i] = g;
      const day = corpus.days[i] ?? Number.NaN;
      const key = Number.isNaN(day) ? 'undated' : String(day);
      let slot = byDay.get(key);
      if (slot === undefined) {
        slot = slotVecs.length;
        byDay.set(key, slot);
        slotGroup.push(g);
        slotDay.push(day);
        slotVecs.push(new Map());
      }
      const v = corpus.vectors[i];
      const vec = slotVecs[slot];
      if (v && vec) addVector(vec, v.ids, v.weights);
    }
  });
  // Inverted index: term → (slot, summed weight).
  const postSlots = new Map<number, number[]>();
  const postWeights = new Map<number, number[]>();
  slotVecs.forEach((vec, slot) => {
    for (const [t, w] of vec) {
      const s = postSlots.get(t);
      if (s) {
        s.push(slot);
        postWeights.get(t)?.push(w);
      } else {
        postSlots.set(t, [slot]);
        postWeights.set(t, [w]);
      }
    }
  });
  const acc = new Float64Array(slotVecs.length);
  const touched: number[] = [];
  const groupSum = new Float64Array(groups.length);
  const groupTouched: number[] = [];
  const inSum = new Float64Array(n);
  const runnerUp = new Int32Array(n).fill(-1);
  const runnerUpMean = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const g = groupOf[i] ?? -1;
    if (g < 0) continue;
    const v = corpus.vectors[i];
    let self = 0;
    if (v) {
      for (let k = 0; k < v.ids.length; k += 1) {
        const t = v.ids[k] ?? 0;
        const w = v.weights[k] ?? 0;
        self += w * w;
        const ss = postSlots.get(t);
        const ws = postWeights.get(t);
        if (!ss || !ws) continue;
        for (let p = 0; p < ss.length; p += 1) {
          const slot = ss[p] ?? 0;
          if (acc[slot] === 0) touched.push(slot);
          acc[slot] = (acc[slot] ?? 0) + w * (ws[p] ?? 0);
        }
      }
    }
    const day = corpus.days[i] ?? Number.NaN;
    for (const slot of touched) {
      const sg = slotGroup[slot] ?? 0;
      const f = dateFactor(day, slotDay[slot] ?? Number.NaN, o);
      if (groupSum[sg] === 0) groupTouched.push(sg);
      groupSum[sg] = (groupSum[sg] ?? 0) + f * (acc[slot] ?? 0);
      acc[slot] = 0;
    }
    touched.length = 0;
    // The article itself sits in its own group's slot of its day: take its own product out.
    inSum[i] = (groupSum[g] ?? 0) - dateFactor(day, day, o) * self;
    let best = -1;
    let bestMean = 0;
    for (const sg of groupTouched) {
      if (sg !== g) {
        const mean = (groupSum[sg] ?? 0) / (groups[sg]?.length ?? 1);
        if (mean > bestMean || (mean === bestMean && best >= 0 && sg < best)) {
          best = sg;
          bestMean = mean;
        }
      }
      groupSum[sg] = 0;
    }
    groupTouched.length = 0;
    if (best < 0 && groups.length > 1) best = g === 0 ? 1 : 0;
    runnerUp[i] = best;
    runnerUpMean[i] = best < 0 ? 0 : bestMean;
  }
  return { inSum, runnerUp, runnerUpMean };
}
