/**
 * Every Cypher statement of the Neo4j store, checked without a database by Neo4j's own parser and
 * semantic analysis (@neo4j-cypher/language-support), in the Cypher 5 dialect that Neo4j 5 runs.
 * A statement fails on any diagnostic: a syntax error, an undefined variable, a type error, a
 * deprecation, or a label, relationship type or property key outside the model.
 */
import * as cypher from '../../server/store/neo4j/cypher';

type LanguageSupport = typeof import('@neo4j-cypher/language-support', { with: { 'resolution-mode': 'import' } });
type DbSchema = import('@neo4j-cypher/language-support', { with: { 'resolution-mode': 'import' } }).DbSchema;
// The package is typed as ESM but also ships a CommonJS build (its "require" export): that is
// what jest loads here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lintCypherQuery, isNotParamError } = require('@neo4j-cypher/language-support') as LanguageSupport;

const schema: DbSchema = {
  labels: [...cypher.MODEL_VOCABULARY.labels],
  relationshipTypes: [...cypher.MODEL_VOCABULARY.relationshipTypes],
  propertyKeys: [...cypher.MODEL_VOCABULARY.propertyKeys, ...cypher.MODEL_VOCABULARY.rowKeys],
  defaultLanguage: 'CYPHER 5',
};

/** Diagnostics for a statement, as readable lines; parameters are not declared, so not reported. */
function diagnose(query: string): string[] {
  const { diagnostics } = lintCypherQuery(query, schema);
  return diagnostics
    .map((d) => ({ ...d, message: typeof d.message === 'string' ? d.message : d.message.value }))
    .filter(isNotParamError)
    .map((d) => `${d.severity === 1 ? 'error' : 'warning'} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
}

const statements: [string, string][] = Object.entries(cypher as Record<string, unknown>).filter(
  (e): e is [string, string] => typeof e[1] === 'string',
);

test('the statements are found', () => {
  expect(statements.length).toBeGreaterThanOrEqual(40);
  expect(statements.map(([name]) => name)).toEqual(expect.arrayContaining(['GET_ACTOR', 'ACTION_KEYS_TOUCHING', 'LINK_ACTION_ENDS']));
});

describe('every statement in server/store/neo4j/cypher.ts parses and checks cleanly', () => {
  test.each(statements)('%s', (_name, query) => {
    expect(diagnose(query)).toEqual([]);
  });
});

test('values only travel as parameters: no statement holds a string literal', () => {
  const withLiterals = statements.filter(([, q]) => /['"]/.test(q)).map(([name]) => name);
  expect(withLiterals).toEqual([]);
});

test('no statement tests a field it reads back for null: Neo4j 5.26 may then answer the test as the property (date: true)', () => {
  // Derived properties are dropped when records are read, and the v1 conversion ignores citationsJson.
  const mayTest = new Set(['dateStart', 'spanEnd', 'localStart', 'localEnd', 'fromId', 'toId', 'citationsJson']);
  const tested = statements.flatMap(([name, q]) =>
    [...q.matchAll(/\b\w+\.(\w+)\s+IS\s+(?:NOT\s+)?NULL/g)].filter((m) => !mayTest.has(m[1]!)).map((m) => `${name}: ${m[0]}`),
  );
  expect(tested).toEqual([]);
});

describe('the check catches broken statements', () => {
  test('a syntax error (unclosed node pattern)', () => {
    const found = diagnose('MATCH (n:Actor {id: $id} RETURN n');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^error/);
  });

  test('a misspelt keyword', () => {
    expect(diagnose('MATCH (n:Actor) RETRN n').some((d) => d.startsWith('error'))).toBe(true);
  });

  test('an undefined variable', () => {
    expect(diagnose('MATCH (n:Actor {id: $id}) RETURN m')).toEqual([expect.stringContaining('Variable `m` not defined')]);
  });

  test('a label, relationship type or property outside the model', () => {
    const found = diagnose('MATCH (n:Actr)-[:ACTD]->(a:Action) RETURN n.nmae');
    expect(found).toHaveLength(3);
    expect(found.every((d) => d.startsWith('warning'))).toBe(true);
  });

  test('a correct statement passes', () => {
    expect(diagnose('MATCH (n:Actor {id: $id}) RETURN n.name AS name')).toEqual([]);
  });
});
