import type { SameCodes } from '../codes';
import type { preferences as en } from '../en/preferences';

/** Spanish: as ../en/preferences.ts. */
export const preferences: SameCodes<typeof en> = {
  celebrations: {
    'celebration_heading.first_round': 'Primer seguimiento hecho',
    'celebration_heading.streak': 'Racha de participación completa',
    'celebration_heading.confidence_rising': 'La confianza sube',
    'celebration_heading.measure_met': 'Medida de éxito cumplida',
    'celebration_heading.adopted': 'Práctica adoptada',
    'celebration_heading.kudos': 'Reconocimiento',
    'celebration_heading.project_done': 'Proyecto comunitario terminado',
    'celebration_heading.path_ready': 'Preparado para liderar',
    'celebration.first_round': 'El primer seguimiento de «{title}» está hecho. ¡Gracias a todos por empezar juntos!',
    'celebration.streak': '{count} seguimientos seguidos con la participación de todos en «{title}». Se está formando un hábito de equipo.',
    'celebration.confidence_rising': 'La confianza en «{title}» ha subido tres seguimientos seguidos: {trend:steps}.',
    'celebration.measure_met': 'Medida de éxito cumplida en «{title}»: {measure}',
    'celebration.adopted': '«{title}» es ahora la forma de trabajar de este equipo. ¡Enhorabuena por consolidarlo!',
    'celebration.kudos': '{from} para {to}: {message}',
    'celebration.project_done': 'El proyecto comunitario «{title}» ha terminado. {summary} ¡Gracias, {circle}, y a {sponsor} por patrocinarlo!',
    'celebration.path_ready': '{name} está preparado para liderar en el nivel «{level:level}», con el reconocimiento de {coach}. {note}',
  },
};
