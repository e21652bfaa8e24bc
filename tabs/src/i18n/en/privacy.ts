/** The words of this area's domain codes (i18n/en/privacy.ts): they load with its strings. */
export { privacy as codes } from '../../../../i18n/en/privacy';

/** A person's data: "Download my data" in preferences, and the admin area's export, erase and tenant deletion. */
export const privacy = {
  'mydata.title': 'Your data',
  'mydata.intro': 'Download everything Leaderful stores about you: your profile, your teams and circles, your check-in answers, the feedback you gave (anonymous feedback included) and your development path.',
  'mydata.json': 'Download my data (JSON)',
  'mydata.csv': 'Download my data (CSV)',

  'admin.section.privacy': 'Privacy',
  'privacy.title': 'A person’s data',
  'privacy.intro': 'Export or erase what Leaderful stores about one person, as your privacy policy requires. Exports leave out what Leaderful keeps private from admins (check-in answers, development paths, anonymous feedback); the person can download those themselves.',
  'privacy.person': 'Person',
  'privacy.search': 'Search by name',
  'privacy.noMatch': 'Nobody by that name',
  'privacy.pick': 'Choose someone first.',
  'privacy.exportJson': 'Export (JSON)',
  'privacy.exportCsv': 'Export (CSV)',
  'privacy.erase': 'Erase…',
  'privacy.eraseTitle': 'Erase {name}?',
  'privacy.eraseWhat': 'This removes {name}’s profile, kudos, development path, contact links and messages, takes them out of their teams and circles, and replaces their name with a dash wherever others keep what they did together. Team figures stay as they are. It cannot be undone.',
  'privacy.eraseType': 'Type {name} to confirm',
  'privacy.eraseConfirm': 'Erase {name}',
  'privacy.cancel': 'Cancel',
  'privacy.erased': '{name} was erased: {deleted} documents removed, {deidentified} de-identified.',
  'privacy.alreadyErased': 'This person had already been erased.',
  'privacy.nameMismatch': 'The name does not match.',

  'tenant.title': 'Delete all of your organisation’s data',
  'tenant.intro': 'When your organisation stops using Leaderful, delete everything it stores for you: people, teams, pilots, check-ins, feedback, messages and the audit log. Remove the app from Teams too.',
  'tenant.start': 'Delete all data…',
  'tenant.ticket': '{count} documents will be deleted. Type {name} to confirm within 10 minutes.',
  'tenant.type': 'Organisation name',
  'tenant.confirm': 'Delete everything',
  'tenant.done': 'All of your organisation’s data was deleted ({count} documents).',

  'audit.action.privacy.exported': 'Exported the data of {name}',
  'audit.action.privacy.erased': 'Erased a person (reference {reference})',
} as const;
