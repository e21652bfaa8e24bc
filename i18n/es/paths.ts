import type { SameCodes } from '../codes';
import type { paths as en } from '../en/paths';

/** Spanish: as ../en/paths.ts. */
export const paths: SameCodes<typeof en> = {
  errors: {
    'path.needs_coach': 'Comparte tu itinerario con un mentor (tu responsable o un compañero) antes de pedir una valoración de preparación.',
    'path.needs_assessment': 'Completa tu autoevaluación antes de pedir una valoración de preparación.',
    'path.coaching_only': 'Solo la persona y sus mentores añaden seguimientos de mentoría.',
    'path.coach_only': 'Solo un mentor elegido por la persona puede valorar su preparación.',
    'path.none': 'Aún no tienes un itinerario de desarrollo: elige un nivel para empezarlo.',
  },
  levels: {
    'level.self': 'Liderarte a ti mismo',
    'level.direct': 'Liderar a otros directamente',
    'level.group': 'Liderar grupos',
    'level.executive': 'Liderazgo ejecutivo',
    'level_about.self': 'Ser dueño de tu trabajo, tu crecimiento y el ejemplo que das.',
    'level_about.direct': 'Liderar un equipo con el que trabajas a diario.',
    'level_about.group': 'Liderar varios equipos, responsables o una función.',
    'level_about.executive': 'Marcar el rumbo de la organización.',
    'element.setting_direction': 'Marcar el rumbo',
    'element.owning_results': 'Responsabilizarse de los resultados',
    'element.influencing': 'Influir',
    'element.empowering_others': 'Empoderar a otros',
    'element.accountability': 'Rendición de cuentas',
    'element_about.setting_direction': 'Dejar claro adónde vamos y por qué.',
    'element_about.owning_results': 'Asumir la responsabilidad de los resultados, buenos y malos.',
    'element_about.influencing': 'Sumar a las personas sin depender de la autoridad.',
    'element_about.empowering_others': 'Dar a las personas espacio, confianza y apoyo para decidir.',
    'element_about.accountability': 'Cumplir los compromisos y pedir a los demás que cumplan los suyos, con justicia.',
  },
};
