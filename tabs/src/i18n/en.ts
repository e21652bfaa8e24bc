import type { admin } from './en/admin';
import type { circles } from './en/circles';
import { common } from './en/common';
import type { feedback } from './en/feedback';
import { leader } from './en/leader';
import type { lessons } from './en/lessons';
import type { pulse } from './en/pulse';
import type { paths } from './en/paths';
import type { preferences } from './en/preferences';
import type { privacy } from './en/privacy';
import type { meeting } from './en/meeting';
import type { pilotForms } from './en/pilotForms';
import { pilots } from './en/pilots';
import type { projects } from './en/projects';
import { shell } from './en/shell';
import type { stories } from './en/stories';

/**
 * English strings: the source dictionary, one file per area (en/*.ts) merged here. Every other
 * language must provide the same keys (`Messages`, checked per area by `Translation`), so a
 * missing translation is a type error, not a blank in the UI. `{name}` placeholders are filled by
 * `t(key, { name })`; counts come in `.one` / `.other` pairs for `plural`. The words for the domain
 * codes every view may show (`codes`, i18n/en/core.ts, the same the bot and the API use) travel in
 * the same chunk; each lazy area's file brings its own codes' words. Only the shell's, the pilots' and the
 * leader view's strings are in it: every other area's (`LazyArea`) load with their view
 * (`I18n.area`), so the first download carries only what the first screen reads.
 */
export { core as codes } from '../../../i18n/en/core';

export const en = { ...common, ...shell, ...pilots, ...leader };

/** Keys two areas both define (a later spread would silently win): must be none. */
type Clash<Parts extends readonly object[], Seen extends PropertyKey = never> = Parts extends readonly [infer Head, ...infer Rest extends readonly object[]]
  ? (keyof Head & Seen) | Clash<Rest, Seen | keyof Head>
  : never;
type Areas = [typeof common, typeof shell, typeof pilots, typeof pilotForms, typeof leader, typeof feedback, typeof circles, typeof stories, typeof projects, typeof paths, typeof preferences, typeof meeting, typeof admin, typeof lessons, typeof privacy, typeof pulse];
export type NoClash = [Clash<Areas>] extends [never] ? true : { clash: Clash<Areas> };
true satisfies NoClash;

/**
 * Areas whose strings load with their view, not in the first download: everything the shell and
 * the leader view's first screen do not show (see ../views/strings.ts for which views need which).
 */
interface LazyAreas {
  admin: typeof admin;
  meeting: typeof meeting;
  preferences: typeof preferences;
  feedback: typeof feedback;
  circles: typeof circles;
  stories: typeof stories;
  projects: typeof projects;
  paths: typeof paths;
  lessons: typeof lessons;
  privacy: typeof privacy;
  pulse: typeof pulse;
  pilotForms: typeof pilotForms;
}
export type LazyArea = keyof LazyAreas;
export type MessageKey = keyof typeof en | { [A in LazyArea]: keyof LazyAreas[A] }[LazyArea];
export type Messages = Record<MessageKey, string>;
/** The strings of the first download: every area but the lazy ones. */
export type FirstMessages = Record<keyof typeof en, string>;
/** Another language's strings for one area: exactly the English file's keys. */
export type Translation<Area> = Record<keyof Area, string>;
