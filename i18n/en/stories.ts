import type { CodeWords } from '../codes';

/** The words of the codes only the tab's stories area shows (they load with its strings: tabs/src/i18n). */
export const stories = {
  errors: {
    'story.manager_only_publish': 'Only the pilot’s manager can publish its story.',
    'story.not_closed': 'Publish the story once the pilot has closed (adopted, adapted or stopped).',
    'story.author_only_share': 'Only the story’s author can share it.',
    'story.own_question': 'This is your own story: questions about it come to you from others.',
    'story.manager_only_link': 'Only the pilot’s manager can say what it builds on.',
  },
} satisfies CodeWords;
