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
  const vocabulary = corpus.idf.size;
  const groupOf = new Int32Array(n).fill(-1);
  // Slots (one per group and day, in order of first member) as lists of (term, summed weight),
  // each list in order of first appearance of its terms, summed in member order.
  const slotGroup: number[] = [];
  const slotDay: number[] = [];
  const slotStart: number[] = [0];
  let entryTerms = new Int32Array(1024);
  let entryWeights = new Float64Array(1024);
  let entries = 0;
  const sum = new Float64Array(vocabulary);
  const seen = new Uint8Array(vocabulary);
  const order: number[] = [];
  groups.forEach((members, g) => {
    const byDay = new Map<number, number[]>();
    let undated: number[] | null = null;
    const days: number[] = [];
    for (const i of members) {
      groupOf[i] = g;
      const day = corpus.days[i] ?? Number.NaN;
      if (Number.isNaN(day)) {
        if (undated === null) {
          undated = [];
          days.push(day);
        }
        undated.push(i);
        continue;
      }
      const list = byDay.get(day);
      if (list) list.push(i);
      else {
        byDay.set(day, [i]);
        days.push(day);
      }
    }
    for (const day of days) {
      const list = Number.isNaN(day) ? (undated ?? []) : (byDay.get(day) ?? []);
      for (const i of list) {
        const v = corpus.vectors[i];
        if (!v) continue;
        for (let k = 0; k < v.ids.length; k += 1) {
          const t = v.ids[k] ?? 0;
          if (seen[t] === 0) {
            seen[t] = 1;
            order.push(t);
          }
          sum[t] = (sum[t] ?? 0) + (v.weights[k] ?? 0);
        }
      }
      if (entries + order.length > entryTerms.length) {
        const size = Math.max(entryTerms.length * 2, entries + order.length);
        const terms = new Int32Array(size);
        terms.set(entryTerms);
        entryTerms = terms;
        const weights = new Float64Array(size);
        weights.set(entryWeights);
        entryWeights = weights;
      }
      for (const t of order) {
        entryTerms[entries] = t;
        entryWeights[entries] = sum[t] ?? 0;
        entries += 1;
        sum[t] = 0;
        seen[t] = 0;
      }
      order.length = 0;
      slotGroup.push(g);
      slotDay.push(day);
      slotStart.push(entries);
    }
  });
  const slots = slotGroup.length;
  // Inverted index: term → (slot, summed weight), each term's dated slots by day, then its
  // undated ones (ties by slot), so the slots within `maxGapDays` of a day are one run.
  const slotOrder = Int32Array.from({ length: slots }, (_, x) => x).sort((x, y) => {
    const dx = slotDay[x] ?? Number.NaN;
    const dy = slotDay[y] ?? Number.NaN;
    const ux = Number.isNaN(dx);
    const uy = Number.isNaN(dy);
    if (ux || uy) return Number(ux) - Number(uy) || x - y;
    return dx - dy || x - y;
  });
  const offsets = new Int32Array(vocabulary + 1);
  for (let e = 0; e < entries; e += 1) {
    const t = entryTerms[e] ?? 0;
    offsets[t + 1] = (offsets[t + 1] ?? 0) + 1;
  }
  for (let t = 0; t < vocabulary; t += 1) offsets[t + 1] = (offsets[t + 1] ?? 0) + (offsets[t] ?? 0);
  const postSlots = new Int32Array(entries);
  const postDays = new Float64Array(entries);
  const postWeights = new Float64Array(entries);
  const fill = offsets.slice(0, vocabulary);
  const undatedFrom = offsets.slice(1);
  for (const slot of slotOrder) {
    const end = slotStart[slot + 1] ?? 0;
    const day = slotDay[slot] ?? Number.NaN;
    for (let e = slotStart[slot] ?? 0; e < end; e += 1) {
      const t = entryTerms[e] ?? 0;
      const at = fill[t] ?? 0;
      postSlots[at] = slot;
      postDays[at] = day;
      postWeights[at] = entryWeights[e] ?? 0;
      fill[t] = at + 1;
      if (Number.isNaN(day) && at < (undatedFrom[t] ?? 0)) undatedFrom[t] = at;
    }
  }
  // Articles are visited by day, so each term's first slot within the window only moves forward.
  const articleOrder = Int32Array.from({ length: n }, (_, i) => i).sort((x, y) => {
    const dx = corpus.days[x] ?? Number.NaN;
    const dy = corpus.days[y] ?? Number.NaN;
    const ux = Number.isNaN(dx);
    const uy = Number.isNaN(dy);
    if (ux || uy) return Number(ux) - Number(uy) || x - y;
    return dx - dy || x - y;
  });
  const windowFrom = offsets.slice(0, vocabulary);
  const maxGap = o.maxGapDays;
  const acc = new Float64Array(slots);
  const touched = new Int32Array(slots);
  const groupSum = new Float64Array(groups.length);
  const groupTouched = new Int32Array(groups.length);
  const groupSeen = new Uint8Array(groups.length);
  const inSum = new Float64Array(n);
  const runnerUp = new Int32Array(n).fill(-1);
  const runnerUpMean = new Float64Array(n);
  for (const i of articleOrder) {
    const g = groupOf[i] ?? -1;
    if (g < 0) continue;
    const v = corpus.vectors[i];
    const di = corpus.days[i] ?? Number.NaN;
    const dated = !Number.isNaN(di);
    let self = 0;
    let touchedCount = 0;
    if (v) {
      for (let k = 0; k < v.ids.length; k += 1) {
        const t = v.ids[k] ?? 0;
        const w = v.weights[k] ?? 0;
        self += w * w;
        const end = offsets[t + 1] ?? 0;
        const undated = undatedFrom[t] ?? 0;
        const before = touchedCount;
        // Slots beyond maxGapDays add nothing (their date factor is 0): only the window is read.
        let p = offsets[t] ?? 0;
        if (dated) {
          let from = windowFrom[t] ?? 0;
          while (from < undated && (postDays[from] ?? 0) < di - maxGap) from += 1;
          windowFrom[t] = from;
          for (p = from; p < undated && (postDays[p] ?? 0) <= di + maxGap; p += 1) {
            const slot = postSlots[p] ?? 0;
            const a = acc[slot] ?? 0;
            if (a === 0) {
              touched[touchedCount] = slot;
              touchedCount += 1;
            }
            acc[slot] = a + w * (postWeights[p] ?? 0);
          }
          p = undated;
        }
        for (; p < end; p += 1) {
          const slot = postSlots[p] ?? 0;
          const a = acc[slot] ?? 0;
          if (a === 0) {
            touched[touchedCount] = slot;
            touchedCount += 1;
          }
          acc[slot] = a + w * (postWeights[p] ?? 0);
        }
        // Slots first reached through this term, in slot order (the order sums are taken in).
        if (touchedCount - before > 1) touched.subarray(before, touchedCount).sort();
      }
    }
    const day = di;
    let groupCount = 0;
    for (let x = 0; x < touchedCount; x += 1) {
      const slot = touched[x] ?? 0;
      const sg = slotGroup[slot] ?? 0;
      const f = dateFactor(day, slotDay[slot] ?? Number.NaN, o);
      if (groupSeen[sg] === 0) {
        groupSeen[sg] = 1;
        groupTouched[groupCount] = sg;
        groupCount += 1;
      }
      groupSum[sg] = (groupSum[sg] ?? 0) + f * (acc[slot] ?? 0);
      acc[slot] = 0;
    }
    // The article itself sits in its own group's slot of its day: take its own product out.
    inSum[i] = (groupSum[g] ?? 0) - dateFactor(day, day, o) * self;
    let best = -1;
    let bestMean = 0;
    for (let x = 0; x < groupCount; x += 1) {
      const sg = groupTouched[x] ?? 0;
      if (sg !== g) {
        const mean = (groupSum[sg] ?? 0) / (groups[sg]?.length ?? 1);
        if (mean > bestMean || (mean === bestMean && best >= 0 && sg < best)) {
          best = sg;
          bestMean = mean;
        }
      }
      groupSum[sg] = 0;
      groupSeen[sg] = 0;
    }
    if (best < 0 && groups.length > 1) best = g === 0 ? 1 : 0;
    runnerUp[i] = best;
    runnerUpMean[i] = best < 0 ? 0 : bestMean;
  }
  return { inSum, runnerUp, runnerUpMean };
}
