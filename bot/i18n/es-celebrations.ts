/**
 * Spanish for celebrations and kudos.
 * English is the key (see ./index.ts). No imports: the table is data.
 */
export const CELEBRATIONS_ES: Record<string, string> = {
  // Card templates
  'Give kudos': 'Dar un reconocimiento',
  'Pick a person.': 'Elige a una persona.',
  'Post it in this conversation': 'Publicarlo en esta conversación',
  'Say what you appreciate.': 'Di qué valoras.',
  'Send it privately to them': 'Enviárselo en privado',
  To: 'Para',
  Message: 'Mensaje',
  'What did they do?': '¿Qué hizo?',
  'Who sees it': 'Quién lo ve',
  // Sentences and labels in code
  'Done: celebrations of you will come to you privately, never in the team.': 'Hecho: las celebraciones sobre ti te llegarán en privado, nunca en el equipo.',
  'Done: your team can celebrate you again.': 'Hecho: tu equipo puede volver a celebrarte.',
  'Your kudos went privately to {name}.': 'Tu reconocimiento le ha llegado en privado a {name}.',
  'Your kudos went privately to {name} ({name} prefers private celebrations, or isn’t in this conversation).': 'Tu reconocimiento le ha llegado en privado a {name} ({name} prefiere las celebraciones en privado o no está en esta conversación).',
  Kudos: 'Reconocimiento',
  Celebration: 'Celebración',
};
