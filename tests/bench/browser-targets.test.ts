/**
 * The browser's rows of the bench's targets table (bench/targets.ts) read from one run's figures:
 * the seed's first draw under 1 s, and each of its mode switches under 300 ms (a mode that was
 * never shown fails the row rather than passing it).
 */
import type { BrowserResult } from '../../bench/browser';
import type { BenchResults } from '../../bench/results-types';
import { evaluateTargets } from '../../bench/targets';

const seed = (over: Partial<BrowserResult>): BrowserResult => ({
  graph: 'seed',
  renderer: 'canvas',
  servedBy: 'server',
  nodes: 12,
  edges: 26,
  elements: 38,
  firstDrawMs: 640,
  fetchMs: 20,
  layoutMs: 150,
  drawMs: 10,
  longestFrameGapMs: 40,
  webglInUse: false,
  zoom: 1,
  pan: null,
  errors: [],
  ...over,
});

const rows = (b: BrowserResult) =>
  evaluateTargets({ sizes: [], browser: [b] } as unknown as BenchResults).filter((t) => t.target.startsWith('browser: seed'));

test('the seed first draw and every mode switch within bounds meet both rows', () => {
  expect(rows(seed({ modeSwitchMs: { Stack: 120, Table: 299, Graph: 60 } }))).toEqual([
    { target: 'browser: seed first draw < 1 s', value: '640 ms', met: true },
    {
      target: 'browser: seed mode switches < 300 ms (each mode in turn, then back to the graph)',
      value: 'Stack 120 ms, Table 299 ms, Graph 60 ms',
      met: true,
    },
  ]);
});

test('one slow switch, or one mode never shown, fails the row; a slow first draw fails its own', () => {
  const [draw, slow] = rows(seed({ firstDrawMs: 1200, modeSwitchMs: { Stack: 120, Table: 300 } }));
  expect(draw!.met).toBe(false);
  expect(slow!.met).toBe(false);
  const [, missing] = rows(seed({ modeSwitchMs: { Stack: 120, Paths: -1 } }));
  expect(missing).toMatchObject({ value: 'Stack 120 ms, Paths not shown', met: false });
});

test('a seed row without mode switches has no switch row', () => {
  expect(rows(seed({})).map((t) => t.target)).toEqual(['browser: seed first draw < 1 s']);
});
