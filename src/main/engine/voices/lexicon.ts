/**
 * The two packs voices read: `persons.json` (people and institutions with their actor group,
 * and titles that resolve to the holder mentioned last) and `voices.json` (speech verbs,
 * pronouns, document references such as "the statement").
 */
import { z } from 'zod';
import { ACTOR_GROUP_IDS, type ActorGroupId } from '../../../shared/actors';
import { CodedError } from '../../../shared/result';
import { packForFolder, type LexiconPack } from '../lexicons/pack';
import personsBuiltIn from '../lexicons/persons.json';
import voicesBuiltIn from '../lexicons/voices.json';
import type { PhraseEntry } from '../text/phraseIndex';

const groupId = z.string().refine((g): g is ActorGroupId => (ACTOR_GROUP_IDS as readonly string[]).includes(g), {
  message: `group must be one of ${ACTOR_GROUP_IDS.join(', ')}`,
});
const id = z.string().regex(/^[a-z][a-z0-9-]*$/);
const aliases = z.array(z.string().min(1)).min(1);

export const personEntrySchema = z.discriminatedUnion('kind', [
  z.object({ id, kind: z.literal('person'), name: z.string().min(1), group: groupId, gender: z.enum(['m', 'f']).nullable(), aliases, note: z.string().min(1) }),
  z.object({ id, kind: z.literal('institution'), name: z.string().min(1), group: groupId, aliases, note: z.string().min(1) }),
  z.object({ id, kind: z.literal('title'), aliases, holders: z.array(id).min(1), note: z.string().min(1) }),
]);
export type PersonEntry = z.infer<typeof personEntrySchema>;

export const voiceEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string().min(1),
    kind: z.literal('verb'),
    phrase: z.string().min(1),
    paraphrase: z.boolean(),
    position: z.enum(['after-speaker', 'before-speaker']),
    note: z.string().min(1),
  }),
  z.object({ id: z.string().min(1), kind: z.literal('pronoun'), phrase: z.string().min(1), gender: z.enum(['m', 'f', 'any']), note: z.string().min(1) }),
  z.object({ id: z.string().min(1), kind: z.literal('document'), phrase: z.string().min(1), note: z.string().min(1) }),
]);
export type VoiceEntry = z.infer<typeof voiceEntrySchema>;

export const NS_PERSON = 'voice:person';
export const NS_TITLE = 'voice:title';
export const NS_VERB = 'voice:verb';
export const NS_PRONOUN = 'voice:pronoun';
export const NS_DOCUMENT = 'voice:document';

export type Speaker = Extract<PersonEntry, { kind: 'person' | 'institution' }>;
export type Title = Extract<PersonEntry, { kind: 'title' }>;

/** Both packs, checked against each other (every title holder exists), with their phrases. */
export class VoiceLexicon {
  readonly speakers = new Map<string, Speaker>();
  readonly titles = new Map<string, Title>();
  readonly verbs = new Map<string, Extract<VoiceEntry, { kind: 'verb' }>>();
  readonly pronouns = new Map<string, Extract<VoiceEntry, { kind: 'pronoun' }>>();
  readonly documents = new Set<string>();

  constructor(
    readonly persons: LexiconPack<PersonEntry>,
    readonly voices: LexiconPack<VoiceEntry>,
  ) {
    for (const e of persons.entries) {
      if (this.speakers.has(e.id) || this.titles.has(e.id)) {
        throw new CodedError('E_LEXICON_INVALID', `Lexicon pack ${persons.origin} has two entries with id "${e.id}".`);
      }
      if (e.kind === 'title') this.titles.set(e.id, e);
      else this.speakers.set(e.id, e);
    }
    for (const t of this.titles.values()) {
      for (const h of t.holders) {
        if (!this.speakers.has(h)) {
          throw new CodedError('E_LEXICON_INVALID', `Lexicon pack ${persons.origin}: title "${t.id}" names unknown holder "${h}".`);
        }
      }
    }
    for (const e of voices.entries) {
      if (e.kind === 'verb') this.verbs.set(e.id, e);
      else if (e.kind === 'pronoun') this.pronouns.set(e.id, e);
      else this.documents.add(e.id);
    }
  }

  *phrases(): Iterable<PhraseEntry> {
    for (const e of this.persons.entries) {
      for (const alias of e.aliases) yield { namespace: e.kind === 'title' ? NS_TITLE : NS_PERSON, id: e.id, phrase: alias };
    }
    for (const e of this.voices.entries) {
      const namespace = e.kind === 'verb' ? NS_VERB : e.kind === 'pronoun' ? NS_PRONOUN : NS_DOCUMENT;
      yield { namespace, id: e.id, phrase: e.phrase };
    }
  }
}

export function voiceLexicon(folder: string | null): VoiceLexicon {
  return new VoiceLexicon(
    packForFolder('persons', personsBuiltIn, personEntrySchema, folder),
    packForFolder('voices', voicesBuiltIn, voiceEntrySchema, folder),
  );
}
