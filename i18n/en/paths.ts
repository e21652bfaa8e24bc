import type { CodeWords } from '../codes';

/** The words of the codes only the tab's paths area shows (they load with its strings: tabs/src/i18n). */
export const paths = {
  errors: {
    'path.needs_coach': 'Share your path with a coach (your manager or a peer) before asking for a readiness review.',
    'path.needs_assessment': 'Complete your self-assessment before asking for a readiness review.',
    'path.coaching_only': 'Only the path’s owner and their coaches add coaching check-ins.',
    'path.coach_only': 'Only a coach the person chose can review their readiness.',
    'path.none': 'You have no development path yet: choose a level to start one.',
  },
  levels: {
    'level.self': 'Leading yourself',
    'level.direct': 'Leading others directly',
    'level.group': 'Leading groups',
    'level.executive': 'Executive leadership',
    'level_about.self': 'Owning your work, your growth and the example you set.',
    'level_about.direct': 'Leading a team you work with day to day.',
    'level_about.group': 'Leading several teams, managers or a function.',
    'level_about.executive': 'Setting direction for the organisation.',
    'element.setting_direction': 'Setting direction',
    'element.owning_results': 'Owning results',
    'element.influencing': 'Influencing',
    'element.empowering_others': 'Empowering others',
    'element.accountability': 'Accountability',
    'element_about.setting_direction': 'Making clear where we are going and why.',
    'element_about.owning_results': 'Taking responsibility for outcomes, good and bad.',
    'element_about.influencing': 'Bringing people along without relying on authority.',
    'element_about.empowering_others': 'Giving people room, trust and support to decide.',
    'element_about.accountability': 'Keeping commitments and holding others to theirs, fairly.',
  },
} satisfies CodeWords;
