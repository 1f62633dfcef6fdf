/**
 * A parent company named for what its unit does ("Amazon cut Parler off" where the report is about
 * Amazon Web Services): when the report also names exactly one unit that the store records the
 * parent as owning (an OWNS action), the parent's service acts (sanctions, notices, restorations,
 * relationships other than ownership) and the suits and claims aimed at it are proposed as the
 * unit's. What the parent itself says (its claims and denials) stays the parent's: a statement
 * comes from the company, a service from the unit that provides it, and a suit goes to the party
 * to the contract. Without a unit named in the report the parent is left as written.
 */
import { categoryOf, type ActionType, type Category, type ProposedActorRef } from '../../contract';
import type { ActorIndex, Mention } from './actors';

const ACTS_OF_THE_UNIT: ReadonlySet<Category> = new Set(['sanction', 'notice', 'restoration', 'relationship']);
const AIMED_AT_THE_UNIT: ReadonlySet<Category> = new Set(['legal', 'claim', 'relationship']);

interface Draft {
  type: ActionType;
  from: ProposedActorRef;
  to: ProposedActorRef;
  claimedBy: ProposedActorRef[];
}

/** Parent id → the one unit of it that the report names, for the parents that have one. */
export function unitsNamed(mentions: readonly Mention[], index: ActorIndex): Map<string, ProposedActorRef> {
  const named = new Map<string, ProposedActorRef>();
  for (const m of mentions) if (m.actor.id) named.set(m.actor.id, m.actor);
  const unitOf = new Map<string, ProposedActorRef>();
  for (const id of named.keys()) {
    const units = index.units(id).filter((u) => named.has(u));
    if (units.length === 1) unitOf.set(id, named.get(units[0]!)!);
  }
  return unitOf;
}

export function toUnits<T extends Draft>(drafts: T[], unitOf: Map<string, ProposedActorRef>): T[] {
  if (!unitOf.size) return drafts;
  const out: T[] = [];
  for (const d of drafts) {
    if (d.type === 'OWNS') {
      out.push(d);
      continue;
    }
    const category = categoryOf(d.type);
    const from = (ACTS_OF_THE_UNIT.has(category) && d.from.id && unitOf.get(d.from.id)) || d.from;
    const to = (AIMED_AT_THE_UNIT.has(category) && d.type !== 'DENIED' && d.to.id && unitOf.get(d.to.id)) || d.to;
    if (from.id !== null && from.id === to.id) continue;
    out.push(from === d.from && to === d.to ? d : { ...d, from, to });
  }
  // The parent's accusation against a party its unit cuts off or warns is the reason the unit
  // gave ("Amazon said Parler's users broke its terms"): the unit's too. Denials stay the parent's.
  const cutOff = new Set(
    out
      .filter((d) => ['sanction', 'notice'].includes(categoryOf(d.type)) && d.from.id && isUnit(d.from.id, unitOf))
      .map((d) => `${d.from.id}|${d.to.id ?? d.to.name}`),
  );
  return out.flatMap((d) => {
    const unit = d.type === 'ACCUSED' && d.from.id ? unitOf.get(d.from.id) : undefined;
    if (!unit || !cutOff.has(`${unit.id}|${d.to.id ?? d.to.name}`)) return [d];
    return [{ ...d, from: unit, claimedBy: d.claimedBy.map((c) => (c.id === d.from.id ? unit : c)) }];
  });
}

const isUnit = (id: string, unitOf: Map<string, ProposedActorRef>) => [...unitOf.values()].some((u) => u.id === id);
