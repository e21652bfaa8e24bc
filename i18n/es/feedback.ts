import type { SameCodes } from '../codes';
import type { feedback as en } from '../en/feedback';

/** Spanish: as ../en/feedback.ts. */
export const feedback: SameCodes<typeof en> = {
  errors: {
    'feedback.admins_only': 'Solo los administradores pueden cambiar el umbral de anonimato.',
    'feedback.too_few_people': 'Leaderful conoce a menos de {k} personas en tu organización, así que aún no se pueden enviar opiniones anónimas. Envíala con tu nombre o inténtalo más tarde.',
    'feedback.leaders_only': 'Solo la dirección y los administradores pueden ver las opiniones de todos los equipos.',
    'feedback.closed': 'Esta opinión está cerrada.',
    'feedback.already_acted': 'Esta opinión ya está marcada con una acción. Añade una respuesta.',
    'feedback.acknowledge_first': 'Confirma esta opinión antes de cerrarla.',
    'feedback.replies_closed': 'Esta opinión está cerrada. Ya no se puede responder.',
    'feedback.thread_full': 'Esta conversación ya es bastante larga. Empieza una opinión nueva.',
    'feedback.owner_only': 'Solo la persona a la que se envió esta opinión puede hacer eso.',
    'feedback.nothing_done': 'Todavía no se ha marcado nada como hecho en esta opinión.',
    'feedback.in_progress': 'Todavía se está trabajando en esta opinión.',
  },
  signals: {
    'signal.group_neglected': {
      one: '{count} opinión de {group} lleva más de {days} días sin confirmarse; es de la semana del {week:date}.',
      other: '{count} opiniones de {group} llevan más de {days} días sin confirmarse; la más antigua es de la semana del {week:date}.',
    },
    'signal.group_slow_ack': 'Confirmar las opiniones de {group} llevó una mediana de {weeks} semanas en las últimas {items}.',
    'signal.group_workload': 'En la semana del {week:date}, {group} respondió a la pregunta sobre carga de trabajo con una media de {value:decimal} de 5 (1 = sobrecarga) en {answers} respuestas.',
    'signal.group_participation_fell': 'La participación en los seguimientos de {group} bajó del {from:percent} (semana del {fromWeek:date}) al {to:percent} (semana del {toWeek:date}), una señal habitual de sobrecarga.',
    'signal.group_autonomy_fell': 'Las respuestas a «¿Con qué libertad sentiste que podías decidir cómo hacer tu trabajo?» en {group} bajaron de {from:decimal} (semana del {fromWeek:date}) a {to:decimal} (semana del {toWeek:date}) en {weeks} semanas.',
  },
  topics: {
    'topic.practice': 'La práctica',
    'topic.workload': 'Carga de trabajo',
    'topic.autonomy': 'Autonomía',
    'topic.support': 'Apoyo',
    'topic.recognition': 'Reconocimiento',
    'topic.other': 'Otra cosa',
  },
};
