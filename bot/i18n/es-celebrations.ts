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
  'Community project done': 'Proyecto comunitario terminado',
  'Ready to lead': 'Preparado para liderar',
  'The community project “{title}” is done. {summary} Thank you, {circle}, and {sponsor} for sponsoring it!': 'El proyecto comunitario «{title}» ha terminado. {summary} ¡Gracias, {circle}, y a {sponsor} por patrocinarlo!',
  '{name} is ready to lead at the “{level}” level, recognised by {coach}. {note}': '{name} está preparado para liderar en el nivel «{level}», con el reconocimiento de {coach}. {note}',
  'Done: celebrations of you will come to you privately, never in the team.': 'Hecho: las celebraciones sobre ti te llegarán en privado, nunca en el equipo.',
  'Done: your team can celebrate you again.': 'Hecho: tu equipo puede volver a celebrarte.',
  'Your kudos went privately to {name}.': 'Tu reconocimiento le ha llegado en privado a {name}.',
  'Your kudos went privately to {name} ({name} prefers private celebrations, or isn’t in this conversation).': 'Tu reconocimiento le ha llegado en privado a {name} ({name} prefiere las celebraciones en privado o no está en esta conversación).',
  '{from} to {to}: {message}': '{from} para {to}: {message}',
  Kudos: 'Reconocimiento',
  'First check-in done': 'Primer seguimiento hecho',
  'Full-participation streak': 'Racha de participación completa',
  'Confidence is rising': 'La confianza sube',
  'Success measure met': 'Medida de éxito cumplida',
  'Practice adopted': 'Práctica adoptada',
  Celebration: 'Celebración',
  'The first check-in of “{title}” is done. Thank you all for starting this together!': 'El primer seguimiento de «{title}» está hecho. ¡Gracias a todos por empezar juntos!',
  '{count} check-ins in a row with everyone taking part in “{title}”. That is a team habit forming.': '{count} seguimientos seguidos con la participación de todos en «{title}». Se está formando un hábito de equipo.',
  'Confidence in “{title}” has risen three check-ins running: {trend}.': 'La confianza en «{title}» ha subido tres seguimientos seguidos: {trend}.',
  '“{title}” is now how this team works. Congratulations on making it stick!': '«{title}» es ahora la forma de trabajar de este equipo. ¡Enhorabuena por consolidarlo!',
  'Success measure met for “{title}”: {measure}': 'Medida de éxito cumplida en «{title}»: {measure}',
};
