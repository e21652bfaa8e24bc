import { periodIn, type LegalText } from './legal-model';

const period = (days: number) => periodIn(days, { year: ['year', 'years'], month: ['month', 'months'], day: ['day', 'days'] });

export const LEGAL_EN: LegalText = {
  period,
  otherLanguage: 'Español',
  seeAlso: { privacy: 'Privacy statement', terms: 'Terms of use' },
  privacy: ({ retention: r, threshold }) => ({
    title: 'Leaderful privacy statement',
    intro:
      'Leaderful is a Microsoft Teams app your organisation runs to help managers try new ways of working with their teams. It runs in your organisation’s own Microsoft Azure subscription, and what it stores stays in your organisation’s database there. Your organisation decides how Leaderful is used and is responsible for your data; Leaderful’s admins in your organisation act for it.',
    sections: [
      {
        heading: 'What Leaderful stores',
        list: [
          'Who you are in Microsoft Teams and Microsoft Entra ID: your id, name, department, job title and manager (from your organisation’s directory), the teams and chats Leaderful is in with you, and the app roles your organisation assigned you.',
          'Your preferences: time zone, work days, quiet hours, language and how you want to be notified.',
          'Pilots your team runs, their check-in rounds, and your answers to check-ins.',
          'Feedback you give or receive. Named feedback carries your name. Anonymous feedback holds no user id and no exact time; a separate link to you is used only to deliver replies to you.',
          'What you write in circles, practice stories, projects, kudos and your development path (your path is private to you and the people you share it with).',
          'Messages Leaderful is about to send or has sent you, and the ids of Teams messages it has handled.',
          'An audit log of what admins and senior leaders changed: settings, managers named, practices, project decisions and retention periods.',
        ],
      },
      {
        heading: 'Anonymity',
        paragraphs: [
          `Figures about a group (participation, confidence, anonymous feedback) are shown only when at least ${threshold.default} people could have contributed. Your organisation’s admins may set this threshold between ${threshold.min} and ${threshold.max}. Smaller groups are rolled up into a larger one (a department or the whole organisation) before anyone sees them.`,
        ],
      },
      {
        heading: 'How long it is kept',
        paragraphs: ['These are the standard periods. Your organisation’s admins may change each one within the limits shown; after its period a record is deleted.'],
        list: [
          `Your check-in answers: ${period(r.answers.days)} (limits ${period(r.answers.minDays)} to ${period(r.answers.maxDays)}). The figures of a round (how many answered, average confidence) are kept with its pilot.`,
          `Closed feedback: ${period(r.feedback.days)} after it was closed (limits ${period(r.feedback.minDays)} to ${period(r.feedback.maxDays)}), together with any link to its author.`,
          `Messages sent to you: ${period(r.outbox.days)} after delivery (limits ${period(r.outbox.minDays)} to ${period(r.outbox.maxDays)}).`,
          `Ids of handled Teams messages: ${period(r.activities.days)} (limits ${period(r.activities.minDays)} to ${period(r.activities.maxDays)}).`,
          `Receipts of feedback sent (so a retried request counts once, without your name): ${period(r.requests.days)} (limits ${period(r.requests.minDays)} to ${period(r.requests.maxDays)}).`,
          `The audit log: ${period(r.audit.days)} (limits ${period(r.audit.minDays)} to ${period(r.audit.maxDays)}).`,
          'Everything else is kept while your organisation uses Leaderful; an admin can delete all of it.',
        ],
      },
      {
        heading: 'Your rights',
        list: [
          'Download your data: everything Leaderful stores about you, as JSON and CSV.',
          'Ask your organisation’s Leaderful admins to export or erase your data. Erasing removes what is yours and de-identifies the rest: your answers stay only inside group figures, and named feedback you gave loses your name.',
          'Change your preferences, pause check-ins, or stop using the app at any time.',
        ],
      },
      {
        heading: 'Who sees what',
        paragraphs: [
          'Your team’s manager sees your team’s pilots and its group figures; senior leaders see figures across teams, always above the anonymity threshold. Your check-in answers are shown only inside group figures or without your name (answers you choose to share anonymously reach leaders as anonymous feedback). Leaderful does not sell data, show advertising, or send your data anywhere outside Microsoft 365 and your organisation’s Azure subscription.',
        ],
      },
      {
        heading: 'Questions',
        paragraphs: ['Ask your organisation’s Leaderful admins or its data protection contact.'],
      },
    ],
  }),
  terms: ({ threshold }) => ({
    title: 'Leaderful terms of use',
    intro: 'Leaderful is provided to you by your organisation, inside Microsoft Teams. By using it you agree to these terms and to your organisation’s own policies.',
    sections: [
      {
        heading: 'Using Leaderful',
        list: [
          'Use it for its purpose: trying practices with your team, giving and acting on feedback, learning from each other.',
          'Write about work, respectfully. Do not post anything unlawful, harassing, or confidential beyond what your organisation allows.',
          'Do not try to identify who gave anonymous feedback or to get around the anonymity threshold.',
        ],
      },
      {
        heading: 'Anonymity has limits',
        paragraphs: [
          `Leaderful shows group figures only for groups of at least ${threshold.default} people (your organisation may choose between ${threshold.min} and ${threshold.max}) and keeps no author on anonymous feedback. What you write in anonymous feedback can still give you away if it describes something only you would know.`,
        ],
      },
      {
        heading: 'Your content',
        paragraphs: ['What you write stays yours and your organisation’s. It is shown to the people each feature says, and kept as the privacy statement describes.'],
      },
      {
        heading: 'The service',
        paragraphs: ['Leaderful is provided as it is. Your organisation may change, suspend or remove it, and its admins may manage its settings and data.'],
      },
    ],
  }),
};
