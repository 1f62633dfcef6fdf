/**
 * The controlled vocabulary of interchange v1. Every list the model, the stores, the API and the
 * browser need comes from here; a new action type is added to ACTION_TYPES and nowhere else.
 */

export const ACTION_TYPES = {
  BANNED: { label: 'banned', meaning: 'removed an account or user from a platform' },
  SUSPENDED: { label: 'suspended', meaning: 'cut off a service (hosting, account) for a time or for good' },
  DELISTED: { label: 'removed from store', meaning: 'removed an app from an app store' },
  REINSTATED: { label: 'reinstated', meaning: 'undid an earlier ban, suspension or delisting' },
  HOSTED: { label: 'hosted', meaning: 'provided infrastructure' },
  CONTRACTED: { label: 'contracted with', meaning: 'entered an agreement with' },
  SUED: { label: 'sued', meaning: 'filed a lawsuit against' },
  ACCUSED: { label: 'accused', meaning: 'made an accusation against, outside or inside a suit' },
  DENIED: { label: 'denied', meaning: "rejected another party's claims" },
  REPORTED: { label: 'reported on', meaning: 'a media actor published about the other' },
  USERS_MIGRATED: { label: 'users moved to', meaning: 'users of `from` moved to `to`' },
  OWNS: { label: 'owns', meaning: 'parent company of' },
  COMPETES_WITH: { label: 'competes with', meaning: 'a rival in the same market' },
} as const;

export type ActionType = keyof typeof ACTION_TYPES;
export const ACTION_TYPE_IDS = Object.keys(ACTION_TYPES) as [ActionType, ...ActionType[]];

export function actionLabel(type: ActionType): string {
  return ACTION_TYPES[type].label;
}

export const STATUSES = ['confirmed', 'reported', 'alleged', 'disputed'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTOR_KINDS = ['company', 'platform', 'app', 'person', 'government', 'court', 'media', 'group', 'other'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const LAYERS = [
  'social-network',
  'app-store',
  'cloud-hosting',
  'cdn-security',
  'domain-registrar',
  'payments',
  'media',
  'legal',
  'other',
] as const;
export type Layer = (typeof LAYERS)[number];

export const LAYER_LABELS: Record<Layer, string> = {
  'social-network': 'Social networks',
  'app-store': 'App stores',
  'cloud-hosting': 'Cloud hosting',
  'cdn-security': 'CDN and security',
  'domain-registrar': 'Domain registrars',
  payments: 'Payments',
  media: 'Media',
  legal: 'Legal',
  other: 'Other',
};

export const SOURCE_KINDS = ['news', 'court-filing', 'statement', 'dataset', 'other'] as const;

export const INTERCHANGE_FORMAT = 'deplatforming-graph/v1' as const;

/** Slug rule shared by every id in the interchange format. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const WIKIDATA_PATTERN = /^Q[0-9]+$/;
