import type { Wordings } from './codes';
import { core } from './es/core';
import { feedback } from './es/feedback';
import { circles } from './es/circles';
import { stories } from './es/stories';
import { projects } from './es/projects';
import { paths } from './es/paths';
import { lessons } from './es/lessons';
import { pulse } from './es/pulse';
import { preferences } from './es/preferences';
import { admin } from './es/admin';
import { privacy } from './es/privacy';

/**
 * Spanish (neutral, tú form, as Microsoft's Spanish UI uses): the wording of every code. Field
 * problems follow the field's name, lower case, as in English.
 *
 * Joined from parts (./es/*.ts): the codes every view may show (core), and those only
 * one of the tab’s lazy areas shows, which the tab loads with that area’s strings.
 */
export const es: Wordings = {
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
