import type { SameCodes } from '../codes';
import type { pulse as en } from '../en/pulse';

/** Spanish: as ../en/pulse.ts. */
export const pulse: SameCodes<typeof en> = {
  errors: {
    'pulse.closed': 'Este pulso ya ha cerrado: tus respuestas ya no se pueden cambiar.',
    'pulse.leaders_only': 'Las cifras del pulso de los mandos son para la dirección.',
  },
  signals: {
    'signal.pulse_micromanagement':
      'Los mandos de {group} valoraron su libertad para llevar sus pilotos con {from:decimal} de 5 en el pulso del {fromWeek:date} y con {to:decimal} en el del {toWeek:date} ({answers} respuestas), mientras alguien distinto de su responsable editaba, pausaba o cerraba sus pilotos ({overrides} en estos pulsos).',
    'signal.pulse_overload':
      'En el pulso del {week:date}, los mandos de {group} valoraron su carga de trabajo con {value:decimal} de 5 (1 = desbordada, {answers} respuestas); cada uno lleva de media {pilots:decimal} pilotos y {teams:decimal} equipos, con {openLoops:decimal} comentarios pendientes y {rounds:decimal} seguimientos que facilitar.',
    'signal.pulse_slow_loops':
      'Los mandos de {group} con comentarios a su cargo tardaron una mediana de {ackWeeks} semanas en acusar recibo y {actWeeks} semanas en actuar (pulso del {week:date}, {owners} responsables).',
  },
};
