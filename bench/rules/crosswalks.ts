/**
 * Crosswalk inference over all instruments, on the reviewed crosswalks of data/crosswalks:
 * building the graph, coverageMatrix over every ordered pair of instruments (the heatmap of the
 * crosswalk explorer) with maxHops 2 and 3, next to a baseline of one inferFrom per requirement
 * (what the matrix costs at least now that it shares the searches across instrument pairs), and
 * complyOnce for the sample evaluations (maxHops 2, as the checklist route calls it).
 */
import { CrosswalkSchema } from "../../packages/contracts/src/index.js";
import {
  buildCrosswalkGraph,
  type Crosswalk,
  complyOnce,
  coverageMatrix,
  type Evaluation,
  type Instrument,
  inferFrom,
  requirementKeys,
} from "../../packages/core/src/index.js";
import { repeat } from "./common.js";

export interface HopFigures {
  maxHops: number;
  /** Baseline: inferFrom(graph, key, maxHops) once for every requirement of every instrument. */
  inferAllMs: number[];
  matrixMs: number[];
  cells: number;
  cellsWithCoverage: number;
  full: number;
  partial: number;
}

export interface CrosswalkFigures {
  crosswalks: number;
  mappings: number;
  intersects: number;
  /** Requirements with at least one edge, directed edges (each mapping gives two), dangling mapping ends. */
  graph: { nodes: number; edges: number; dangling: number };
  requirements: number;
  buildMs: number[];
  hops: HopFigures[];
  complyOnce: { profile: string; ms: number[]; items: number; grouped: number; obligations: number }[];
}

export function measureCrosswalks(
  crosswalks: readonly Crosswalk[],
  instruments: readonly Instrument[],
  evaluations: { profile: string; evaluation: Evaluation }[],
  matrixReps: number,
): CrosswalkFigures {
  for (const cw of crosswalks) CrosswalkSchema.parse(cw);
  const build = repeat(() => buildCrosswalkGraph(crosswalks, instruments), 5, 1);
  const graph = build.result;
  const keys = instruments.flatMap(requirementKeys);
  let edges = 0;
  for (const list of graph.edges.values()) edges += list.length;
  const hops = [2, 3].map((maxHops): HopFigures => {
    const inferAll = repeat(
      () => {
        let n = 0;
        for (const key of keys) n += inferFrom(graph, key, maxHops).size;
        return n;
      },
      5,
      1,
    );
    const matrix = repeat(() => coverageMatrix(graph, instruments, maxHops), matrixReps, 1);
    const cells = matrix.result;
    return {
      maxHops,
      inferAllMs: inferAll.ms,
      matrixMs: matrix.ms,
      cells: cells.length,
      cellsWithCoverage: cells.filter((c) => c.full + c.partial > 0).length,
      full: cells.reduce((n, c) => n + c.full, 0),
      partial: cells.reduce((n, c) => n + c.partial, 0),
    };
  });
  const mappings = crosswalks.flatMap((cw) => cw.mappings);
  return {
    crosswalks: crosswalks.length,
    mappings: mappings.length,
    intersects: mappings.filter((m) => m.relation === "intersects-with").length,
    graph: { nodes: graph.edges.size, edges, dangling: graph.dangling.length },
    requirements: keys.length,
    buildMs: build.ms,
    hops,
    complyOnce: evaluations.map(({ profile, evaluation }) => {
      const run = repeat(() => complyOnce(graph, evaluation), 5, 1);
      const obligations = evaluation.jurisdictions.reduce(
        (n, j) => n + j.instruments.reduce((m, i) => m + i.obligations.length, 0),
        0,
      );
      return {
        profile,
        ms: run.ms,
        items: run.result.length,
        grouped: run.result.filter((x) => x.satisfies.length > 0).length,
        obligations,
      };
    }),
  };
}
