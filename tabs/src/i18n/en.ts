import { admin } from './en/admin';
import { circles } from './en/circles';
import { common } from './en/common';
import { feedback } from './en/feedback';
import { leader } from './en/leader';
import { lessons } from './en/lessons';
import { paths } from './en/paths';
import { preferences } from './en/preferences';
import { meeting } from './en/meeting';
import { pilots } from './en/pilots';
import { projects } from './en/projects';
import { shell } from './en/shell';
import { stories } from './en/stories';

/**
 * English strings: the source dictionary, one file per area (en/*.ts) merged here. Every other
 * language must provide the same keys (`Messages`, checked per area by `Translation`), so a
 * missing translation is a type error, not a blank in the UI. `{name}` placeholders are filled by
 * `t(key, { name })`; counts come in `.one` / `.other` pairs for `plural`. The words for domain
 * codes (`codes`, from i18n/) travel in the same chunk.
 */
export { en as codes } from '../../../i18n/en';

export const en = { ...common, ...shell, ...pilots, ...leader, ...feedback, ...circles, ...stories, ...projects, ...paths, ...preferences, ...meeting, ...admin, ...lessons };

/** Keys two areas both define (a later spread would silently win): must be none. */
type Clash<Parts extends readonly object[], Seen extends PropertyKey = never> = Parts extends readonly [infer Head, ...infer Rest extends readonly object[]]
  ? (keyof Head & Seen) | Clash<Rest, Seen | keyof Head>
  : never;
type Areas = [typeof common, typeof shell, typeof pilots, typeof leader, typeof feedback, typeof circles, typeof stories, typeof projects, typeof paths, typeof preferences, typeof meeting, typeof admin, typeof lessons];
export type NoClash = [Clash<Areas>] extends [never] ? true : { clash: Clash<Areas> };
true satisfies NoClash;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
/** Another language's strings for one area: exactly the English file's keys. */
export type Translation<Area> = Record<keyof Area, string>;
