/** Words every area uses: app chrome, loading and error wording, shared form checks and counts. */
export const common = {
  'app.name': 'Leaderful',
  'app.loading': 'Loading…',
  'app.retry': 'Try again',
  'app.cancel': 'Cancel',
  'app.reload': 'Reload',
  'app.none': '—',

  'auth.failed': 'We couldn’t sign you in with Teams.',
  'auth.failedBody': 'Check that you are signed in to Teams, then try again.',

  'charts.loading': 'Loading chart…',

  'error.network': 'Can’t reach Leaderful. Check your connection and try again.',
  'error.generic': 'Something went wrong. Please try again.',
  'error.unauthenticated': 'Your sign-in has expired. Reopen the tab to sign in again.',

  'count.weeks.one': '{count} week',
  'count.weeks.other': '{count} weeks',

  'err.notFound': 'We couldn’t find that, or it isn’t shared with you.',
  'err.conflict': 'Someone changed this at the same time, or it can’t be done right now. We reloaded it; check and try again.',
  'err.forbidden': 'You can’t do that here.',
  'err.rateLimited': 'That’s a lot of requests in a short time. Wait a moment and try again.',
  'err.fields': 'Some fields need a look.',
  'v.required': 'This is required.',
  'v.min': 'Write at least {min} characters.',
  'v.max': 'Keep it to {max} characters or fewer.',
  'v.pickRating': 'Pick a rating from 1 to 5.',
} as const;
