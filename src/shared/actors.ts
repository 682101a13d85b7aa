/**
 * Actor groups: whom a sentence talks about, and whose voice a quote carries. The lexicons map
 * names, titles and institutions to these ids; the dashboard colours and orders them this way.
 */
export const ACTOR_GROUPS = [
  { id: 'us-officials', label: 'US officials' },
  { id: 'israeli-government', label: 'Israeli government and military' },
  { id: 'hamas', label: 'Hamas' },
  { id: 'palestinian-officials', label: 'Palestinian Authority and officials' },
  { id: 'palestinian-civilians', label: 'Palestinian civilians' },
  { id: 'israeli-civilians', label: 'Israeli civilians and hostages’ families' },
  { id: 'un-aid', label: 'UN and aid bodies' },
  { id: 'arab-states', label: 'Arab states' },
  { id: 'other', label: 'Other' },
] as const;

export type ActorGroupId = (typeof ACTOR_GROUPS)[number]['id'];

export const ACTOR_GROUP_IDS: readonly ActorGroupId[] = ACTOR_GROUPS.map((g) => g.id);
