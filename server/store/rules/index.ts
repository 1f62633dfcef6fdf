/** The write rules both stores apply, through a lookup each store implements (lookup.ts). */
export type { RecordKind, RecordLookup, Records } from './lookup';
export { checkedElsewhere, validDocument, validRecord } from './validation';
export { checkCreate, checkDelete, checkReplace } from './records';
export { planImport } from './import';
