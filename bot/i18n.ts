/**
 * Card and chat text in the person's Teams language (English and Spanish). English text is the
 * key: templates are translated string by string before they are filled, and code passes its
 * sentences through `t` with `{name}` placeholders. A test checks every template string and
 * every `t(...)` sentence has a Spanish entry, so nothing ships half-translated.
 */
import { CIRCLES_ES } from './circles-i18n';

export type Locale = 'en' | 'es';

/** Teams sends BCP-47 tags ("es-ES", "es-419", "en-US"). */
export function localeOf(tag: string | undefined | null): Locale {
  return typeof tag === 'string' && /^es\b/i.test(tag) ? 'es' : 'en';
}

export function t(locale: Locale, text: string, vars: Record<string, string | number> = {}): string {
  const pattern = locale === 'es' ? (ES[text] ?? text) : text;
  return pattern.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Pilot statuses as people read them (translated with `t`). */
export const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  active: 'Active',
  paused: 'Paused',
  in_review: 'In review',
  adopted: 'Adopted',
  adapted: 'Adapted',
  stopped: 'Stopped',
};

/** Card properties that hold words people read (others hold ids, values, URLs or expressions). */
const READABLE = new Set(['text', 'title', 'label', 'placeholder', 'errorMessage', 'altText', 'fallbackText']);

export function localizeTemplate<T>(template: T, locale: Locale): T {
  if (locale === 'en') return template;
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key && READABLE.has(key) ? (ES[value] ?? value) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(template) as T;
}

export const ES: Record<string, string> = {
  ...CIRCLES_ES,
  // Templates
  "Leave empty to use the practice's name": 'Déjalo vacío para usar el nombre de la práctica',
  "Leave empty to use the practice's suggestions": 'Déjalo vacío para usar las sugerencias de la práctica',
  "Your team's check-in closes {{DATE(${closesAt}, SHORT)}} {{TIME(${closesAt})}}. It takes a minute, and every answer helps the team learn.":
    'El seguimiento de tu equipo cierra el {{DATE(${closesAt}, SHORT)}} a las {{TIME(${closesAt})}}. Lleva un minuto, y cada respuesta ayuda al equipo a aprender.',
  '**Why:** ${why}': '**Por qué:** ${why}',
  '1 — not at all': '1 — nada',
  '5 — completely': '5 — totalmente',
  'A gentle nudge: ${pilotTitle}': 'Un recordatorio amable: ${pilotTitle}',
  'About a pilot (optional)': 'Sobre un piloto (opcional)',
  'Also share my written answers anonymously with senior leaders': 'Compartir también mis respuestas escritas, de forma anónima, con la dirección',
  'Answer back': 'Responder',
  'Answer now': 'Responder ahora',
  'Blockers raised': 'Obstáculos mencionados',
  'Check-in days': 'Días de seguimiento',
  'Check-in: ${pilotTitle}': 'Seguimiento: ${pilotTitle}',
  'Choose who it is for.': 'Elige a quién va dirigido.',
  Confidence: 'Confianza',
  'Create pilot': 'Crear piloto',
  Dates: 'Fechas',
  'Describe what you expect to change.': 'Describe qué esperas que cambie.',
  'Edit my answers': 'Editar mis respuestas',
  End: 'Fin',
  Facilitator: 'Facilitador',
  'Feedback waiting on you': 'Opiniones que esperan tu respuesta',
  Friday: 'Viernes',
  'From scratch': 'Desde cero',
  'Give kudos': 'Dar un reconocimiento',
  Health: 'Salud',
  'Here is what I can do': 'Esto es lo que puedo hacer',
  'Here is what you said:': 'Esto es lo que dijiste:',
  'How to run it': 'Cómo llevarla a cabo',
  'Hypothesis: what do you expect to change, and why?': 'Hipótesis: ¿qué esperas que cambie y por qué?',
  'Launch a pilot': 'Lanzar un piloto',
  'Launch now (check-ins start on the next check-in day)': 'Lanzar ahora (los seguimientos empiezan el próximo día de seguimiento)',
  'Leadership practice': 'Práctica de liderazgo',
  'Local time': 'Hora local',
  Manager: 'Responsable',
  Monday: 'Lunes',
  'No particular pilot': 'Ningún piloto en concreto',
  'Not closed yet': 'Aún no está cerrado',
  'Open My pilots': 'Abrir Mis pilotos',
  'Open feedback': 'Opiniones abiertas',
  'Open the form': 'Abrir el formulario',
  'Open the library': 'Abrir la biblioteca',
  'Open until {{DATE(${closesAt}, SHORT)}} {{TIME(${closesAt})}}. ${facilitatorLine}': 'Abierto hasta el {{DATE(${closesAt}, SHORT)}} a las {{TIME(${closesAt})}}. ${facilitatorLine}',
  'Optional: what else should they know?': 'Opcional: ¿qué más deberían saber?',
  'Pick a person.': 'Elige a una persona.',
  'Pick a practice from the library or start from scratch. It takes less than a minute.': 'Elige una práctica de la biblioteca o empieza desde cero. Lleva menos de un minuto.',
  'Pick a start date.': 'Elige una fecha de inicio.',
  'Pick a team.': 'Elige un equipo.',
  'Pick a topic.': 'Elige un tema.',
  'Pick an end date.': 'Elige una fecha de fin.',
  'Post it in this conversation': 'Publicarlo en esta conversación',
  Practice: 'Práctica',
  'Say what you appreciate.': 'Di qué valoras.',
  'Send anonymously': 'Enviar de forma anónima',
  'Send feedback': 'Enviar opinión',
  'Send it privately to them': 'Enviárselo en privado',
  'Send reply': 'Enviar respuesta',
  'Send to': 'Enviar a',
  Start: 'Inicio',
  Status: 'Estado',
  'Success measures (one per line)': 'Medidas de éxito (una por línea)',
  'Swap with the next person': 'Pasárselo a la siguiente persona',
  Team: 'Equipo',
  'Thanks — your check-in for ${pilotTitle} is in': 'Gracias: tu seguimiento de ${pilotTitle} está registrado',
  'This check-in has closed.': 'Este seguimiento se ha cerrado.',
  Thursday: 'Jueves',
  Title: 'Título',
  To: 'Para',
  'Took part': 'Participación',
  Topic: 'Tema',
  Tuesday: 'Martes',
  'Type **help** to see what I can do.': 'Escribe **help** para ver lo que puedo hacer.',
  'View pilot': 'Ver piloto',
  Wednesday: 'Miércoles',
  'Welcome to Leaderful': 'Te damos la bienvenida a Leaderful',
  'What did they do?': '¿Qué hizo?',
  'What is working, what is not, what would help?': '¿Qué funciona, qué no y qué ayudaría?',
  'Who sees it': 'Quién lo ve',
  'Write your feedback.': 'Escribe tu opinión.',
  'Yes, the loop is closed': 'Sí, el ciclo está cerrado',
  'You can edit until {{DATE(${closesAt}, SHORT)}} {{TIME(${closesAt})}}.': 'Puedes editarlo hasta el {{DATE(${closesAt}, SHORT)}} a las {{TIME(${closesAt})}}.',
  'You said': 'Dijiste',
  'Your feedback': 'Tu opinión',
  'Your written answers will also reach senior leaders, without your name.': 'Tus respuestas escritas también llegarán a la dirección, sin tu nombre.',

  // Chat and cards built in code
  'Your pilots': 'Tus pilotos',
  'No pilots yet. Type “launch pilot” to start one.': 'Aún no hay pilotos. Escribe «launch pilot» para empezar uno.',
  "Sorry, I didn't understand “{text}”.": 'Perdona, no he entendido «{text}».',
  'List the pilots you run or take part in': 'Muestra los pilotos que diriges o en los que participas',
  'Start a new leadership-practice pilot': 'Inicia un nuevo piloto de una práctica de liderazgo',
  'Give feedback to your manager or senior leaders, named or anonymous': 'Da tu opinión a tu responsable o a la dirección, con tu nombre o de forma anónima',
  'Skip check-ins while you are away': 'Omite los seguimientos mientras estás fuera',
  'Set the time zone your check-ins follow': 'Define la zona horaria de tus seguimientos',
  'Celebrate you privately, never in the team (on to undo)': 'Te celebramos en privado, nunca en el equipo (on para deshacerlo)',
  'Show what Leaderful can do': 'Muestra lo que Leaderful puede hacer',
  'Got it: no check-ins for you until after {until}. Welcome back then!': 'Entendido: no tendrás seguimientos hasta después del {until}. ¡Hasta la vuelta!',
  'You can pause check-ins for 1 to 90 days, e.g. “pause me for 7 days”.': 'Puedes pausar los seguimientos de 1 a 90 días, p. ej. «pause me for 7 days».',
  "I don't know the time zone “{tz}”. Use a name like Europe/Madrid or America/New_York.": 'No conozco la zona horaria «{tz}». Usa un nombre como Europe/Madrid o America/New_York.',
  'Your check-ins now follow {tz} time.': 'Tus seguimientos siguen ahora la hora de {tz}.',
  'Done: celebrations of you will come to you privately, never in the team.': 'Hecho: las celebraciones sobre ti te llegarán en privado, nunca en el equipo.',
  'Done: your team can celebrate you again.': 'Hecho: tu equipo puede volver a celebrarte.',
  'Leaderful works inside a Microsoft Teams organisation. Please use it from Teams.': 'Leaderful funciona dentro de una organización de Microsoft Teams. Úsalo desde Teams.',
  'Leaderful cannot reach its data right now. Please try again shortly.': 'Leaderful no puede acceder a sus datos ahora mismo. Inténtalo de nuevo en un momento.',
  'Sorry, something went wrong. Please try again.': 'Perdona, algo ha fallado. Inténtalo de nuevo.',
  'I help this team try new leadership practices: launch a pilot, check in together, celebrate progress and close the loop on feedback.':
    'Ayudo a este equipo a probar nuevas prácticas de liderazgo: lanzar un piloto, hacer seguimientos juntos, celebrar los avances y cerrar el ciclo de las opiniones.',
  'I will send your check-ins here, at your local time, and bring back answers to feedback you give.':
    'Te enviaré aquí tus seguimientos, a tu hora local, y te traeré las respuestas a las opiniones que des.',
  'Please fix the highlighted fields.': 'Corrige los campos señalados.',
  'That practice is no longer in the library. Pick another or start from scratch.': 'Esa práctica ya no está en la biblioteca. Elige otra o empieza desde cero.',
  '“{title}” is launched.': '«{title}» está lanzado.',
  '“{title}” is saved as a draft.': '«{title}» se ha guardado como borrador.',
  'That action is not available yet.': 'Esa acción aún no está disponible.',
  'Your kudos went privately to {name}.': 'Tu reconocimiento le ha llegado en privado a {name}.',
  'Your kudos went privately to {name} ({name} prefers private celebrations, or isn’t in this conversation).':
    'Tu reconocimiento le ha llegado en privado a {name} ({name} prefiere las celebraciones en privado o no está en esta conversación).',
  '{from} to {to}: {message}': '{from} para {to}: {message}',
  'Pilot launched': 'Piloto lanzado',
  Kudos: 'Reconocimiento',
  Draft: 'Borrador',
  Active: 'Activo',
  Paused: 'En pausa',
  'In review': 'En revisión',
  Adopted: 'Adoptado',
  Adapted: 'Adaptado',
  Stopped: 'Detenido',
  'No check-ins yet': 'Aún sin seguimientos',
  Good: 'Buena',
  Watch: 'Vigilar',
  'At risk': 'En riesgo',
  '{percent}% answered': '{percent}% ha respondido',
  'confidence {value}/5': 'confianza {value}/5',
  'Facilitator this round: {name}.': 'Facilita esta ronda: {name}.',
  'Send check-in': 'Enviar seguimiento',
  'Save changes': 'Guardar cambios',
  'Please check your answers: {problems}.': 'Revisa tus respuestas: {problems}.',
  'Check-in': 'Seguimiento',
  'Check-in closed': 'Seguimiento cerrado',
  'This card is missing its check-in. Please use the latest check-in card.': 'A esta tarjeta le falta su seguimiento. Usa la tarjeta de seguimiento más reciente.',
  '{name} is now facilitating this round. Thanks for handing over!': '{name} facilita ahora esta ronda. ¡Gracias por el relevo!',
  'There is nobody else in this round to hand over to.': 'No hay nadie más en esta ronda a quien pasar el relevo.',
  'This button is no longer available. Type “help” to see what I can do.': 'Este botón ya no está disponible. Escribe «help» para ver lo que puedo hacer.',
  'This check-in has closed. Your next one will arrive on the next check-in day.': 'Este seguimiento se ha cerrado. El próximo llegará el siguiente día de seguimiento.',
  'That check-in was not found.': 'No se ha encontrado ese seguimiento.',
  'Only this round’s facilitator can hand the role on.': 'Solo quien facilita esta ronda puede pasar el relevo.',
  Yes: 'Sí',
  No: 'No',
  '{title}: check-in {number} summary': '{title}: resumen del seguimiento {number}',
  'You facilitated this round. Here is the summary to share with the team at your next meeting.': 'Has facilitado esta ronda. Aquí tienes el resumen para compartir con el equipo en la próxima reunión.',
  '{answered} of {invited}': '{answered} de {invited}',
  'Shown when at least {threshold} people answer': 'Se muestra cuando respondan al menos {threshold} personas',
  'No answers': 'Sin respuestas',
  '{value} / 5 (was {previous})': '{value} / 5 (antes {previous})',
  '{value} / 5': '{value} / 5',
  'To protect privacy, averages and comments appear only when at least {threshold} people answer.': 'Para proteger la privacidad, las medias y los comentarios solo aparecen cuando responden al menos {threshold} personas.',
  'You are facilitating this round of “{title}”.': 'Facilitas esta ronda de «{title}».',
  'When the round closes you will get the summary to share with the team. Away or busy? Hand the role to the next person.':
    'Cuando se cierre la ronda recibirás el resumen para compartirlo con el equipo. ¿Estás fuera o con mucho trabajo? Pasa el relevo a la siguiente persona.',
  '{name} is facilitator for this round of “{title}”.': '{name} facilita esta ronda de «{title}».',
  '{name} has taken over as facilitator for this round of “{title}”.': '{name} ha tomado el relevo como facilitador de esta ronda de «{title}».',
  'Everyone gets their check-in in a personal chat at their local time.': 'Cada persona recibe su seguimiento en un chat personal, a su hora local.',
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
  'You have an update in Leaderful.': 'Tienes una novedad en Leaderful.',
};
