/**
 * The controlled vocabulary of interchange v2. Every list the model, the stores, the API and the
 * browser need comes from here; a new action type is added to ACTION_TYPES and nowhere else.
 */

export const CATEGORIES = ['sanction', 'restoration', 'relationship', 'legal', 'claim', 'notice', 'migration'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  sanction: 'Sanctions',
  restoration: 'Restorations',
  relationship: 'Relationships',
  legal: 'Legal actions',
  claim: 'Claims',
  notice: 'Notices',
  migration: 'Migrations',
};

export const ACTION_TYPES = {
  BANNED: { label: 'banned', meaning: 'removed an account or user from a platform', category: 'sanction' },
  SUSPENDED: { label: 'suspended', meaning: 'cut off a service (hosting, account) for a time or for good', category: 'sanction' },
  DELISTED: { label: 'removed from store', meaning: 'removed an app from an app store', category: 'sanction' },
  RESTRICTED: {
    label: 'restricted',
    meaning: 'limited without removing: demonetised, reach limited, a feature taken away',
    category: 'sanction',
  },
  REFUSED: { label: 'refused service', meaning: 'declined to provide or to resume a service', category: 'sanction' },
  WARNED: { label: 'warned', meaning: 'gave notice or a warning ahead of a possible sanction', category: 'notice' },
  REINSTATED: { label: 'reinstated', meaning: 'undid an earlier ban, suspension or delisting', category: 'restoration' },
  HOSTED: { label: 'hosted', meaning: 'provided infrastructure', category: 'relationship' },
  CONTRACTED: { label: 'contracted with', meaning: 'entered an agreement with', category: 'relationship' },
  OWNS: { label: 'owns', meaning: 'parent company of', category: 'relationship' },
  COMPETES_WITH: { label: 'competes with', meaning: 'a rival in the same market', category: 'relationship' },
  MOVED_TO: {
    label: 'moved to',
    meaning: 'the sanctioned party (`from`) took its service to a new provider (`to`)',
    category: 'migration',
  },
  USERS_MIGRATED: { label: 'users moved to', meaning: 'users of `from` moved to `to`', category: 'migration' },
  SUED: { label: 'sued', meaning: 'filed a lawsuit against', category: 'legal' },
  RULED: { label: 'ruled on', meaning: 'a court (`from`) decided on a party (`to`); responds to the suit', category: 'legal' },
  ORDERED: { label: 'ordered', meaning: 'a government or court ordered an actor to act; the scope says where', category: 'legal' },
  ACCUSED: { label: 'accused', meaning: 'made an accusation against, outside or inside a suit', category: 'claim' },
  DENIED: { label: 'denied', meaning: "rejected another party's claims", category: 'claim' },
  REPORTED: { label: 'reported on', meaning: 'a media actor published about the other', category: 'claim' },
} as const satisfies Record<string, { label: string; meaning: string; category: Category }>;

export type ActionType = keyof typeof ACTION_TYPES;
export const ACTION_TYPE_IDS = Object.keys(ACTION_TYPES) as [ActionType, ...ActionType[]];

export function actionLabel(type: ActionType): string {
  return ACTION_TYPES[type].label;
}

export function categoryOf(type: ActionType): Category {
  return ACTION_TYPES[type].category;
}

/** The types of the given categories, in vocabulary order. */
export function typesOfCategories(categories: readonly Category[]): ActionType[] {
  return ACTION_TYPE_IDS.filter((t) => categories.includes(ACTION_TYPES[t].category));
}

/** What a citation's source supports: the fact itself, or only that a party claims it. */
export const STANCES = ['states', 'reports-claim'] as const;
export type Stance = (typeof STANCES)[number];

/** How long a sanction or notice is meant to last. */
export const TERMS = ['temporary', 'indefinite', 'permanent'] as const;
export type Term = (typeof TERMS)[number];
/** The categories whose actions may carry a `term`. */
export const TERM_CATEGORIES: readonly Category[] = ['sanction', 'notice'];

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

export const INTERCHANGE_FORMAT = 'deplatforming-graph/v2' as const;
export const INTERCHANGE_FORMAT_V1 = 'deplatforming-graph/v1' as const;

/** Slug rule shared by every id in the interchange format. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const WIKIDATA_PATTERN = /^Q[0-9]+$/;
