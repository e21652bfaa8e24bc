import type { Wordings } from './codes';
import { core } from './en/core';
import { feedback } from './en/feedback';
import { circles } from './en/circles';
import { stories } from './en/stories';
import { projects } from './en/projects';
import { paths } from './en/paths';
import { lessons } from './en/lessons';
import { pulse } from './en/pulse';
import { preferences } from './en/preferences';
import { admin } from './en/admin';
import { privacy } from './en/privacy';

/**
 * English: the wording of every code (see ./codes.ts for what each code is and its params, and
 * ./format.ts for `{param:format}`). Field problems are phrased to follow the field's name
 * ("title: must be at least 3 characters").
 *
 * Joined from parts (./en/*.ts): the codes every view may show (core), and those only
 * one of the tab’s lazy areas shows, which the tab loads with that area’s strings.
 */
export const en: Wordings = {
  errors: { ...core.errors, ...feedback.errors, ...circles.errors, ...stories.errors, ...projects.errors, ...paths.errors, ...lessons.errors, ...pulse.errors, ...admin.errors, ...privacy.errors },
  fields: core.fields,
  signals: { ...core.signals, ...feedback.signals, ...pulse.signals },
  notices: core.notices,
  sync: admin.sync,
  things: core.things,
  topics: feedback.topics,
  statuses: core.statuses,
  groups: core.groups,
  people: core.people,
  levels: paths.levels,
  celebrations: preferences.celebrations,
  circles: circles.circles,
};
