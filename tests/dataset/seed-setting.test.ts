/** The SEED setting as the README documents it: all by default, none, or one interchange file. */
import path from 'node:path';
import { readConfig } from '../../server/config';

const ROOT = path.resolve(__dirname, '..', '..');

describe('SEED', () => {
  test('unset, empty or "all" means every episode of the dataset', () => {
    expect(readConfig({}).seed).toEqual({ kind: 'all' });
    expect(readConfig({ SEED: '' }).seed).toEqual({ kind: 'all' });
    expect(readConfig({ SEED: 'all' }).seed).toEqual({ kind: 'all' });
  });

  test('"none" leaves an empty store empty', () => {
    expect(readConfig({ SEED: 'none' }).seed).toEqual({ kind: 'none' });
  });

  test('a path names one interchange file, resolved from the working folder', () => {
    const relative = path.relative(process.cwd(), path.join(ROOT, 'graph-seed', 'episodes', 'gab-2018.json'));
    expect(readConfig({ SEED: relative }).seed).toEqual({ kind: 'file', file: path.join(ROOT, 'graph-seed', 'episodes', 'gab-2018.json') });
  });

  test('a path to nothing, or to a folder, stops the start with the setting named', () => {
    expect(() => readConfig({ SEED: 'graph-seed/episodes/no-such-episode.json' })).toThrow(
      'SEED must be "all", "none" or the path of an interchange file, got "graph-seed/episodes/no-such-episode.json" (no such file)',
    );
    expect(() => readConfig({ SEED: path.join(ROOT, 'graph-seed') })).toThrow('SEED must be');
  });
});
