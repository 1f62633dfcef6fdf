/**
 * GET /api/export: the filtered selection (the actions passing the filters and the actors they
 * touch; for `json`, also the sources they cite) as a file download in one of five formats,
 * streamed to the client as it is written (stream.ts).
 */
import { z } from 'zod';
import { isEmptyFilter, type Action, type ActionFilter, type Episode } from '../../../contract';
import type { AppContext } from '../../context';
import { asOfParam } from '../history-params';
import { filteredQuery, toActionFilter } from '../query';
import { Reply } from '../reply';
import { defineRoute } from '../route';
import { CHANGE_HEADER, documentAsOf } from './as-of';
import { episodesNamedBy } from './attributes';
import { actionsCsvChunks, actorsCsvChunks, episodesCsvChunks } from './csv';
import { cyjsChunks } from './cyjs';
import { gexfChunks } from './gexf';
import { graphmlChunks } from './graphml';
import { interchangeJsonChunks } from './json';
import { OneAtATime } from './one-at-a-time';
import { streamBody } from './stream';

export const EXPORT_FORMATS = ['json', 'graphml', 'gexf', 'csv', 'cyjs'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Exports are whole files, not views: far above the 5,000 elements of /api/graph. */
export const EXPORT_MAX_ELEMENTS = 1_000_000;

/**
 * As in the JSON document: every episode when nothing is filtered, else those that `actions` name
 * (the store is asked only when some do).
 */
async function episodesOf(ctx: AppContext, actions: readonly Action[], everything: boolean): Promise<Episode[]> {
  if (!everything && !actions.some((a) => a.episodes?.length)) return [];
  const all: Episode[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await ctx.store.listEpisodes({ limit: 1000, offset });
    all.push(...page.items);
    if (page.items.length === 0 || all.length >= page.total) break;
  }
  return everything ? all : episodesNamedBy(actions, all);
}

type Part = 'actions' | 'actors' | 'episodes';

interface ExportFile {
  chunks: Iterable<string>;
  contentType: string;
  filename: string;
  /** The change number the file shows (read just before it for formats other than unfiltered JSON). */
  change: number;
}

async function jsonFile(ctx: AppContext, filter: ActionFilter, asOf: Parameters<typeof documentAsOf>[1] | undefined): Promise<ExportFile> {
  const { change, doc } = asOf
    ? await documentAsOf(ctx.store, asOf)
    : isEmptyFilter(filter)
      ? await ctx.store.exportCurrent()
      : { change: await ctx.store.changeNumber(), doc: await ctx.store.exportDocument(filter) };
  return {
    chunks: interchangeJsonChunks(doc),
    contentType: 'application/json; charset=utf-8',
    filename: 'deplatforming-graph.json',
    change,
  };
}

async function exportFile(
  ctx: AppContext,
  format: Exclude<ExportFormat, 'json'>,
  part: Part,
  filter: ActionFilter,
): Promise<Omit<ExportFile, 'change'>> {
  const sub = await ctx.store.selection(filter, EXPORT_MAX_ELEMENTS);
  if (sub.truncated) ctx.logger.warn({ format, max: EXPORT_MAX_ELEMENTS }, 'export cut at its element bound');
  const episodes =
    format === 'gexf' || (format === 'csv' && part !== 'episodes') ? [] : await episodesOf(ctx, sub.actions, isEmptyFilter(filter));
  switch (format) {
    case 'graphml':
      return {
        chunks: graphmlChunks(sub, episodes),
        contentType: 'application/graphml+xml; charset=utf-8',
        filename: 'deplatforming-graph.graphml',
      };
    case 'gexf':
      return { chunks: gexfChunks(sub), contentType: 'application/gexf+xml; charset=utf-8', filename: 'deplatforming-graph.gexf' };
    case 'cyjs':
      return { chunks: cyjsChunks(sub, episodes), contentType: 'application/json; charset=utf-8', filename: 'deplatforming-graph.cyjs' };
    case 'csv': {
      const csv = { contentType: 'text/csv; charset=utf-8; header=present' };
      if (part === 'actors') return { ...csv, chunks: actorsCsvChunks(sub), filename: 'deplatforming-graph-actors.csv' };
      if (part === 'episodes') return { ...csv, chunks: episodesCsvChunks(sub, episodes), filename: 'deplatforming-graph-episodes.csv' };
      return { ...csv, chunks: actionsCsvChunks(sub), filename: 'deplatforming-graph.csv' };
    }
  }
}

/** Exports are built one at a time per process (see OneAtATime). */
const exportsInTurn = new OneAtATime();

const formatParam = z.enum(EXPORT_FORMATS);
const partParam = z.enum(['actions', 'actors', 'episodes']).optional();

export const exportRoutes = [
  defineRoute({
    method: 'get',
    path: '/export',
    operationId: 'exportGraph',
    summary: 'The filtered selection as a file: interchange JSON, GraphML, GEXF (dynamic), CSV or Cytoscape JSON',
    description:
      '`json` is interchange v2 and imports back; `graphml` has typed keys and the episodes as a graph attribute; ' +
      "`gexf` is GEXF 1.3 with edge start/end for Gephi's timeline; `csv` is the actions as an edge list, the actors " +
      'with `part=actors`, or the episodes the actions name with `part=episodes`; `cyjs` opens in Cytoscape desktop ' +
      "and in NetworkX's `cytoscape_graph`. GraphML, GEXF and Cytoscape JSON are directed multigraphs keyed by action " +
      'id. Every export carries the change number it shows in the `X-Dataset-Change` header (the JSON body stays ' +
      'plain interchange, so it imports back and its SHA-256 is the `contentHash` of /api/health). `asOf` (a change number ' +
      'or an ISO time) gives the whole dataset as it was then, byte for byte, with format=json and no filters; ' +
      'every format but `json` carries the same attributes (docs/exports.md). The body is streamed; a reader that ' +
      'takes nothing for EXPORT_STALL_MS is disconnected.',
    tag: 'import and export',
    query: filteredQuery({ format: formatParam, part: partParam, asOf: asOfParam }).superRefine((q, ctx) => {
      if (q.part !== undefined && q.format !== 'csv') {
        ctx.addIssue({ code: 'custom', path: ['part'], message: `applies only to format=csv, not to format=${q.format}` });
      }
      if (q.asOf !== undefined && (q.format !== 'json' || !isEmptyFilter(toActionFilter(q)))) {
        ctx.addIssue({ code: 'custom', path: ['asOf'], message: 'applies only to format=json without filters (the whole dataset)' });
      }
    }),
    responses: {
      200: {
        description: 'The file, as an attachment (Content-Disposition).',
        contentType: ['application/json', 'application/graphml+xml', 'application/gexf+xml', 'text/csv'],
      },
    },
    // Built and streamed inside the turn: one selection is held at a time, and a reader that
    // stalls is given up on after exportStallMs, so it holds the turn no longer than that.
    inTurn: exportsInTurn,
    async handle({ query }, ctx, req) {
      // A client that left while waiting for its turn gets nothing built.
      if (req.socket.destroyed) return new Reply(499);
      const filter = toActionFilter(query);
      const file =
        query.format === 'json'
          ? await jsonFile(ctx, filter, query.asOf)
          : { change: await ctx.store.changeNumber(), ...(await exportFile(ctx, query.format, query.part ?? 'actions', filter)) };
      return new Reply(200, {
        headers: {
          'Content-Type': file.contentType,
          'Content-Disposition': `attachment; filename="${file.filename}"`,
          [CHANGE_HEADER]: String(file.change),
        },
        stream: (res) =>
          streamBody(res, file.chunks, { stallMs: ctx.config.exportStallMs, logger: ctx.logger, what: `export ${query.format}` }),
      });
    },
  }),
];
