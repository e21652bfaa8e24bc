import type { CodeWords } from '../codes';

/** The words of the codes only the tab's privacy area shows (they load with its strings: tabs/src/i18n). */
export const privacy = {
  errors: {
    'privacy.not_self': 'You cannot erase yourself: ask another admin to do it.',
    'privacy.confirm_name': 'Type the person’s name exactly as shown to confirm the erasure.',
    'privacy.deletion_token': 'This confirmation has expired or is not valid: start the deletion again.',
    'privacy.deletion_name': 'Type your organisation’s name exactly as shown to confirm the deletion.',
  },
} satisfies CodeWords;
