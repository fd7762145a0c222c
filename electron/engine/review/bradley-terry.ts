// The leaderboard's math: tallies and a Bradley-Terry fit over the user's blind votes. Pure.
//
// Model: P(i beats j) = p_i / (p_i + p_j), strength p_i = e^theta_i. A 'tie' or 'both_bad' verdict counts
// as half a win for each side. One virtual tie is added to every pair of models that met, so a model
// that won every vote gets a finite score and few votes shrink toward equal (Laplace-style smoothing).
// Fit: Hunter's MM iteration (2004), p_i <- W_i / sum_j n_ij / (p_i + p_j), until it stops moving;
// theta is then centred (mean 0) within each group of models linked by votes.
// Interval: Fisher information. The observed information of theta is the weighted graph Laplacian
// L = sum_pairs n_ij q_ij (1 - q_ij) (e_i - e_j)(e_i - e_j)^T with q_ij = P(i beats j); its
// pseudo-inverse (L + J/k)^-1 - J/k (J all ones, k models; L's null space is the all-ones vector when
// the group is connected) is the covariance of the centred theta. 95%: theta_i +- 1.96 sqrt(cov_ii).
// Scores are shown on an Elo-like scale: 1000 + 400 log10(p_i), so +400 means 10x the odds.
import type { BlindVerdict, LeaderboardEntry } from '../../../shared/review-records';

export interface Comparison {
  modelA: string;
  modelB: string;
  verdict: BlindVerdict;
}

export const bradleyTerryMethod =
  'Bradley-Terry fit over your blind votes (ties and "both bad" count as half a win each, plus one virtual tie per pair of models); ' +
  '95% interval from the Fisher information. 1000 = average, +400 = 10x the odds of winning.';

const Z_95 = 1.959963984540054;
const ELO_PER_NATURAL_LOG = 400 / Math.LN10;
const MAX_ITERATIONS = 10_000;
const TOLERANCE = 1e-12;

interface Tally {
  votes: number;
  wins: number;
  losses: number;
  ties: number;
  bothBad: number;
}

/** Inverts a small symmetric positive-definite matrix (Gauss-Jordan with partial pivoting). */
function invert(matrix: number[][]): number[][] {
  const size = matrix.length;
  const work = matrix.map((row, index) => [...row, ...Array.from({ length: size }, (_, column) => (column === index ? 1 : 0))]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++) if (Math.abs(work[row]![column]!) > Math.abs(work[pivot]![column]!)) pivot = row;
    [work[column], work[pivot]] = [work[pivot]!, work[column]!];
    const pivotRow = work[column]!;
    const pivotValue = pivotRow[column]!;
    for (let index = 0; index < 2 * size; index++) pivotRow[index]! /= pivotValue;
    for (let row = 0; row < size; row++) {
      if (row === column) continue;
      const current = work[row]!;
      const factor = current[column]!;
      if (factor === 0) continue;
      for (let index = 0; index < 2 * size; index++) current[index]! -= factor * pivotRow[index]!;
    }
  }
  return work.map((row) => row.slice(size));
}

/** Groups of models linked by at least one vote (union-find). */
function groupsOf(size: number, games: number[][]): number[][] {
  const parent = Array.from({ length: size }, (_, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index]!)));
  for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) if (games[i]![j]! > 0) parent[find(i)] = find(j);
  const byRoot = new Map<number, number[]>();
  for (let index = 0; index < size; index++) {
    const root = find(index);
    byRoot.set(root, [...(byRoot.get(root) ?? []), index]);
  }
  return [...byRoot.values()];
}

/** Centred log-strengths and their variances for one connected group. */
function fitGroup(members: number[], games: number[][], points: number[][]): { theta: number[]; variance: number[] } {
  const size = members.length;
  const won = members.map((i) => members.reduce((sum, j) => sum + points[i]![j]!, 0));
  let strength = members.map(() => 1);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = members.map((i, a) => {
      let denominator = 0;
      members.forEach((j, b) => {
        if (a !== b && games[i]![j]! > 0) denominator += games[i]![j]! / (strength[a]! + strength[b]!);
      });
      return won[a]! / denominator;
    });
    const meanLog = next.reduce((sum, value) => sum + Math.log(value), 0) / size;
    const normalised = next.map((value) => value / Math.exp(meanLog));
    const moved = Math.max(...normalised.map((value, index) => Math.abs(Math.log(value) - Math.log(strength[index]!))));
    strength = normalised;
    if (moved < TOLERANCE) break;
  }
  const theta = strength.map((value) => Math.log(value));
  const information = members.map(() => members.map(() => 0));
  members.forEach((i, a) => {
    members.forEach((j, b) => {
      if (a === b || games[i]![j]! === 0) return;
      const q = 1 / (1 + Math.exp(theta[b]! - theta[a]!));
      const weight = games[i]![j]! * q * (1 - q);
      information[a]![b]! -= weight;
      information[a]![a]! += weight;
    });
  });
  const shifted = information.map((row) => row.map((value) => value + 1 / size));
  const inverse = invert(shifted);
  const variance = members.map((_, a) => Math.max(0, inverse[a]![a]! - 1 / size));
  return { theta, variance };
}

/** Tallies and Bradley-Terry scores per model, best score first. Votes between two answers of one model carry no information and are skipped. */
export function rankModels(comparisons: readonly Comparison[]): LeaderboardEntry[] {
  const counted = comparisons.filter((comparison) => comparison.modelA !== comparison.modelB);
  const models = [...new Set(counted.flatMap((comparison) => [comparison.modelA, comparison.modelB]))].sort();
  const indexOf = new Map(models.map((model, index) => [model, index]));
  const size = models.length;
  const games = models.map(() => models.map(() => 0));
  const points = models.map(() => models.map(() => 0));
  const tallies: Tally[] = models.map(() => ({ votes: 0, wins: 0, losses: 0, ties: 0, bothBad: 0 }));

  for (const { modelA, modelB, verdict } of counted) {
    const a = indexOf.get(modelA)!;
    const b = indexOf.get(modelB)!;
    games[a]![b]! += 1;
    games[b]![a]! += 1;
    tallies[a]!.votes += 1;
    tallies[b]!.votes += 1;
    if (verdict === 'a' || verdict === 'b') {
      const [winner, loser] = verdict === 'a' ? [a, b] : [b, a];
      points[winner]![loser]! += 1;
      tallies[winner]!.wins += 1;
      tallies[loser]!.losses += 1;
    } else {
      points[a]![b]! += 0.5;
      points[b]![a]! += 0.5;
      for (const side of [a, b]) {
        tallies[side]!.ties += 1;
        if (verdict === 'both_bad') tallies[side]!.bothBad += 1;
      }
    }
  }
  // One virtual tie per pair that met.
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (i === j || games[i]![j]! === 0) continue;
      games[i]![j]! += 1;
      points[i]![j]! += 0.5;
    }
  }

  const entries: LeaderboardEntry[] = [];
  groupsOf(size, games)
    .sort((left, right) => right.length - left.length || left[0]! - right[0]!)
    .forEach((members, group) => {
      const { theta, variance } = fitGroup(members, games, points);
      members.forEach((index, position) => {
        const tally = tallies[index]!;
        const halfWidth = Z_95 * Math.sqrt(variance[position]!);
        entries.push({
          model: models[index]!,
          ...tally,
          winRate: (tally.wins + tally.ties / 2) / tally.votes,
          score: 1000 + ELO_PER_NATURAL_LOG * theta[position]!,
          scoreLow: 1000 + ELO_PER_NATURAL_LOG * (theta[position]! - halfWidth),
          scoreHigh: 1000 + ELO_PER_NATURAL_LOG * (theta[position]! + halfWidth),
          group,
        });
      });
    });
  return entries.sort((left, right) => left.group - right.group || right.score - left.score || left.model.localeCompare(right.model));
}
