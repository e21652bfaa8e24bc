import type { admin } from './en/admin';
import { circles } from './en/circles';
import { common } from './en/common';
import { feedback } from './en/feedback';
import { leader } from './en/leader';
import { lessons } from './en/lessons';
import { pulse } from './en/pulse';
import { paths } from './en/paths';
import type { preferences } from './en/preferences';
import { privacy } from './en/privacy';
import type { meeting } from './en/meeting';
import { pilots } from './en/pilots';
import { projects } from './en/projects';
import { shell } from './en/shell';
import { stories } from './en/stories';

/**
 * English strings: the source dictionary, one file per area (en/*.ts) merged here. Every other
 * language must provide the same keys (`Messages`, checked per area by `Translation`), so a
 * missing translation is a type error, not a blank in the UI. `{name}` placeholders are filled by
 * `t(key, { name })`; counts come in `.one` / `.other` pairs for `plural`. The words for domain
 * codes (`codes`, from i18n/) travel in the same chunk. Areas few people open (`LAZY_AREAS`: the
 * admin area, a meeting's check-in, one's own preferences) are not in it: their strings load with their view (`I18n.area`), so everyone's first
 * download carries only what most people read.
 */
export { en as codes } from '../../../i18n/en';

export const en = { ...common, ...shell, ...pilots, ...leader, ...feedback, ...circles, ...stories, ...projects, ...paths, ...lessons, ...privacy, ...pulse };

/** Keys two areas both define (a later spread would silently win): must be none. */
type Clash<Parts extends readonly object[], Seen extends PropertyKey = never> = Parts extends readonly [infer Head, ...infer Rest extends readonly object[]]
  ? (keyof Head & Seen) | Clash<Rest, Seen | keyof Head>
  : never;
type Areas = [typeof common, typeof shell, typeof pilots, typeof leader, typeof feedback, typeof circles, typeof stories, typeof projects, typeof paths, typeof preferences, typeof meeting, typeof admin, typeof lessons, typeof privacy, typeof pulse];
export type NoClash = [Clash<Areas>] extends [never] ? true : { clash: Clash<Areas> };
true satisfies NoClash;

/** Areas whose strings load with their view, not in the first download. */
export type LazyArea = 'admin' | 'meeting' | 'preferences';
export type MessageKey = keyof typeof en | keyof typeof admin | keyof typeof meeting | keyof typeof preferences;
export type Messages = Record<MessageKey, string>;
/** The strings of the first download: every area but the lazy ones. */
export type FirstMessages = Record<keyof typeof en, string>;
/** Another language's strings for one area: exactly the English file's keys. */
export type Translation<Area> = Record<keyof Area, string>;
