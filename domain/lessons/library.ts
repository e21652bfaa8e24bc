import type { LeadershipLevel, Lesson, LessonText } from './model';
import { LESSONS_ES } from './library-es';

type Seed = LessonText & { slug: string; minutes: number; practice?: string; level?: LeadershipLevel };

/**
 * The built-in lessons (English; Spanish in library-es.ts, by slug): at least one for every
 * built-in practice and every leadership level, each a few minutes long. Links are https only.
 */
const SEEDS: Seed[] = [
  {
    slug: 'facilitating-well',
    practice: 'rotating-facilitator',
    minutes: 3,
    title: 'Facilitating a meeting you do not run',
    body: 'A facilitator guards the **process**, not the outcome. Open by restating the goal and the time box, then keep the agenda moving. Invite the quiet voices by name, gently. Close by reading back decisions and owners, so everyone leaves with the same list.',
  },
  {
    slug: 'handing-over-decisions',
    practice: 'delegated-decisions',
    minutes: 3,
    title: 'Handing over a decision for real',
    body: 'Delegating a decision means living with an answer you would not have chosen. Agree the **limits** first: budget, risk, who must be told. Then stay out of it; taking it back once teaches the team that the delegation was never real. Review the outcome together, not the choice.',
  },
  {
    slug: 'retro-that-changes-things',
    practice: 'weekly-retro',
    minutes: 3,
    title: 'A retrospective that changes something',
    body: 'A retro is only worth the time if one thing changes afterwards. Ask three questions: what helped, what got in the way, what we will try. Pick **one** action with one owner. Start the next retro by asking whether it happened.',
  },
  {
    slug: 'coaching-questions',
    practice: 'peer-coaching',
    minutes: 4,
    title: 'Coaching with questions, not answers',
    body: 'Peer coaching works when the coach holds back advice. Good questions are short and open:\n\n- What have you tried so far?\n- What would you do if you could not fail?\n- What is the smallest next step?\n\nLet silence do some of the work.',
  },
  {
    slug: 'closing-the-loop',
    practice: 'you-said-we-did',
    minutes: 3,
    title: 'Closing the feedback loop',
    body: 'People stop giving feedback when nothing visibly happens. For each theme you heard, say what you did, what you will do, or why you will not. A clear **no, because** earns more trust than silence. Keep the list short and repeat it often.',
  },
  {
    slug: 'stretch-safely',
    practice: 'stretch-with-mentor',
    minutes: 3,
    title: 'A stretch that does not snap',
    body: 'A good stretch assignment is just beyond what the person can do today. Agree what success looks like and when to ask for help. The mentor meets briefly and often, and asks before advising. Celebrate the learning even when the result is mixed.',
  },
  {
    slug: 'log-the-why',
    practice: 'decision-log',
    minutes: 2,
    title: 'Write down the why',
    body: 'A decision log saves the team from deciding the same thing twice. For each entry write the decision, the date, who decided and, above all, **why**. Note what would make you revisit it. Two lines are enough; a log nobody keeps is worse than none.',
  },
  {
    slug: 'listening-sessions',
    practice: 'skip-level-listening',
    minutes: 3,
    title: 'Listening two levels down',
    body: 'Skip-level sessions are for listening, not for announcing. Tell people what you will do with what you hear and what stays in the room. Ask about obstacles, not about their manager. Follow up on at least one thing within two weeks.',
  },
  {
    slug: 'their-meeting',
    practice: 'one-on-one-agenda',
    minutes: 2,
    title: 'It is their one-on-one',
    body: 'When the team member owns the agenda, the one-on-one becomes about what they need. Ask them to bring the topics, and save your status questions for another channel. End with one question: **what can I do to help?**',
  },
  {
    slug: 'protecting-focus',
    practice: 'no-meeting-focus',
    minutes: 2,
    title: 'Protecting focus as a team',
    body: 'Focus time only works when everyone protects it, the manager first. Agree what counts as an exception and how to reach someone urgently. Check after a few weeks whether the hours were really quiet. Adjust the block rather than abandon it.',
  },
  {
    slug: 'specific-recognition',
    practice: 'recognition-round',
    minutes: 2,
    title: 'Recognition that lands',
    body: 'Recognition lands when it is **specific**: what the person did and what difference it made. Make room for peers to recognise each other, not only the manager. Keep it short and sincere; a forced round is worse than none.',
  },
  {
    slug: 'small-bets',
    practice: 'experiment-budget',
    minutes: 3,
    title: 'Small bets, clear limits',
    body: 'An experiment budget says: try things, some will fail. Keep each bet small and time-boxed, with a question it should answer. Share what you learned, especially from the ones that did not work. Stop or scale each bet on purpose.',
  },
  {
    slug: 'leading-yourself',
    level: 'self',
    minutes: 3,
    title: 'Leading yourself first',
    body: 'Leadership starts with how you handle your own work and reactions. Notice where your time goes each week and whether it matches what matters. Ask one colleague for honest feedback on one habit. Read more in [the Center for Creative Leadership’s articles](https://www.ccl.org/articles/).',
  },
  {
    slug: 'leading-a-team',
    level: 'direct',
    minutes: 3,
    title: 'Leading people directly',
    body: 'Leading a team means making it easy for others to do their best work. Be clear about **what** and **why**, and let people own the how. Hold regular one-on-ones and keep your promises small and kept. Trends change; trust built week by week does not.',
  },
  {
    slug: 'leading-a-group',
    level: 'group',
    minutes: 3,
    title: 'Leading across a group',
    body: 'Leading a group of teams is mostly about connections. Make sure teams know what the others are trying and learning. Spot practices that work in one team and help others adapt them, not copy them. Your job is the system, not every decision in it.',
  },
  {
    slug: 'convening-a-circle',
    level: 'group',
    minutes: 3,
    title: 'Your first weeks as convenor',
    body: 'As convenor you hold the space; you do not own the answers. Set the rhythm and keep it, even when attendance dips. Open each session with one question everyone answers briefly. Share the convenor role when your term ends: rotation keeps the circle alive.',
  },
  {
    slug: 'leading-the-organisation',
    level: 'executive',
    minutes: 4,
    title: 'Leading the organisation',
    body: 'At the executive level your attention is the strongest signal. Name a few challenges that matter and let circles and teams take them up. Sponsor experiments and ask what was learned, not only what was delivered. Tell stories of what changed, with names, so others see it is safe to try.',
  },
];

export const BUILT_IN_LESSONS: readonly Lesson[] = SEEDS.map(({ slug, practice, level, ...rest }) => ({
  ...rest,
  id: `lesson:${slug}`,
  ...(practice ? { practiceId: `practice:${practice}` } : {}),
  ...(level ? { level } : {}),
  translations: { es: LESSONS_ES[slug] },
}));

/** The lesson a new circle convenor gets. */
export const CONVENOR_LESSON_ID = 'lesson:convening-a-circle';
