import celebration from '../celebrations/templates/celebration.json';
import kudosForm from '../celebrations/templates/kudos-form.json';
import checkinClosed from '../checkins/templates/checkin-closed.json';
import checkinChoice from '../checkins/templates/checkin-choice.json';
import checkinReminder from '../checkins/templates/checkin-reminder.json';
import checkinThanks from '../checkins/templates/checkin-thanks.json';
import checkin from '../checkins/templates/checkin.json';
import facilitator from '../checkins/templates/facilitator.json';
import roundSummary from '../checkins/templates/round-summary.json';
import circleStatus from '../circles/templates/circle-status.json';
import circleUpdate from '../circles/templates/circle-update.json';
import feedbackDigest from '../feedback/templates/feedback-digest.json';
import feedbackForm from '../feedback/templates/feedback-form.json';
import feedbackThread from '../feedback/templates/feedback-thread.json';
import help from '../help/templates/help.json';
import welcome from '../install/templates/welcome.json';
import pathCard from '../paths/templates/path-card.json';
import launch from '../pilots/templates/launch.json';
import pilotForm from '../pilots/templates/pilot-form.json';
import pilotList from '../pilots/templates/pilot-list.json';
import pilot from '../pilots/templates/pilot.json';
import practice from '../pilots/templates/practice.json';
import projectCard from '../projects/templates/project-card.json';
import storyCard from '../stories/templates/story-card.json';
import storyForm from '../stories/templates/story-form.json';
import message from './message.json';

/**
 * Every Adaptive Card template by name. The templates live beside the feature that fills them
 * (bot/<feature>/templates); this index lets the renderer parse each once and lets the checks
 * walk them all. Plain JSON: nothing here depends on a feature's code.
 */
export const TEMPLATES = {
  celebration,
  checkin,
  checkinChoice,
  checkinClosed,
  checkinReminder,
  checkinThanks,
  facilitator,
  feedbackDigest,
  feedbackForm,
  feedbackThread,
  help,
  kudosForm,
  launch,
  message,
  pilot,
  pilotForm,
  pilotList,
  practice,
  roundSummary,
  welcome,
  circleStatus,
  circleUpdate,
  storyCard,
  storyForm,
  projectCard,
  pathCard,
} as const;
export type TemplateName = keyof typeof TEMPLATES;
