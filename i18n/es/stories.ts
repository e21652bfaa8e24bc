import type { SameCodes } from '../codes';
import type { stories as en } from '../en/stories';

/** Spanish: as ../en/stories.ts. */
export const stories: SameCodes<typeof en> = {
  errors: {
    'story.manager_only_publish': 'Solo el responsable del piloto puede publicar su historia.',
    'story.not_closed': 'Publica la historia cuando el piloto haya cerrado (adoptado, adaptado o detenido).',
    'story.author_only_share': 'Solo quien escribió la historia puede compartirla.',
    'story.own_question': 'Esta historia es tuya: las preguntas sobre ella te llegan de otras personas.',
    'story.manager_only_link': 'Solo el responsable del piloto puede indicar en qué se basa.',
  },
};
