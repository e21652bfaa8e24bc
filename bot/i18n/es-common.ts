/**
 * Spanish for what every feature shares: the app's own sentences (failures, unknown buttons),
 * help, installation, and words several features use.
 * English is the key (see ./index.ts). No imports: the table is data.
 */
export const COMMON_ES: Record<string, string> = {
  // Card templates
  Status: 'Estado',
  'Here is what I can do': 'Esto es lo que puedo hacer',
  'Open My pilots': 'Abrir Mis pilotos',
  'Type **help** to see what I can do.': 'Escribe **help** para ver lo que puedo hacer.',
  'View pilot': 'Ver piloto',
  'Welcome to Leaderful': 'Te damos la bienvenida a Leaderful',
  Good: 'Buena',
  // Sentences and labels in code
  'Start a leadership circle in this group chat or channel': 'Empieza un círculo de liderazgo en este chat de grupo o canal',
  'The circle here: convenor, election, ballot': 'El círculo de aquí: coordinación, elección, votación',
  'Stand for convenor (or “nominate <name>”)': 'Preséntate para coordinar (o «nominate <nombre>»)',
  'Find practice stories from other managers': 'Encuentra historias de práctica de otros responsables',
  'Publish what you learned from a closed pilot': 'Publica lo que aprendiste de un piloto cerrado',
  'Your development path (private to you)': 'Tu itinerario de desarrollo (solo para ti)',
  Adopted: 'Adoptado',
  Adapted: 'Adaptado',
  Stopped: 'Detenido',
  'Leaderful cannot reach its data right now. Please try again shortly.': 'Leaderful no puede acceder a sus datos ahora mismo. Inténtalo de nuevo en un momento.',
  'This button is no longer available. Type “help” to see what I can do.': 'Este botón ya no está disponible. Escribe «help» para ver lo que puedo hacer.',
  'You have an update in Leaderful.': 'Tienes una novedad en Leaderful.',
  "Sorry, I didn't understand “{text}”.": 'Perdona, no he entendido «{text}».',
  'List the pilots you run or take part in': 'Muestra los pilotos que diriges o en los que participas',
  'Start a new leadership-practice pilot': 'Inicia un nuevo piloto de una práctica de liderazgo',
  'Give feedback to your manager or senior leaders, named or anonymous': 'Da tu opinión a tu responsable o a la dirección, con tu nombre o de forma anónima',
  'Skip check-ins while you are away': 'Omite los seguimientos mientras estás fuera',
  'Set the time zone your check-ins follow': 'Define la zona horaria de tus seguimientos',
  'Celebrate you privately, never in the team (on to undo)': 'Te celebramos en privado, nunca en el equipo (on para deshacerlo)',
  'Show what Leaderful can do': 'Muestra lo que Leaderful puede hacer',
  'Leaderful works inside a Microsoft Teams organisation. Please use it from Teams.': 'Leaderful funciona dentro de una organización de Microsoft Teams. Úsalo desde Teams.',
  'Sorry, something went wrong. Please try again.': 'Perdona, algo ha fallado. Inténtalo de nuevo.',
  'I help this team try new leadership practices: launch a pilot, check in together, celebrate progress and close the loop on feedback.': 'Ayudo a este equipo a probar nuevas prácticas de liderazgo: lanzar un piloto, hacer seguimientos juntos, celebrar los avances y cerrar el ciclo de las opiniones.',
  'I will send your check-ins here, at your local time, and bring back answers to feedback you give.': 'Te enviaré aquí tus seguimientos, a tu hora local, y te traeré las respuestas a las opiniones que des.',
  'Please fix the highlighted fields.': 'Corrige los campos señalados.',
  'That action is not available yet.': 'Esa acción aún no está disponible.',
  // Activity feed previews (bot/delivery/feed.ts).
  'Reminder: your check-in for {pilot} closes soon.': 'Recordatorio: tu seguimiento de {pilot} cierra pronto.',
  'Your check-in for {pilot} is open.': 'Tu seguimiento de {pilot} está abierto.',
  'The round of {pilot} has closed: its summary is ready for your discussion.': 'La ronda de {pilot} ha cerrado: su resumen está listo para vuestra conversación.',
  'You facilitate this round of {pilot}.': 'Facilitas esta ronda de {pilot}.',
  '{count} feedback items are waiting for you this week.': '{count} comentarios te esperan esta semana.',
  'Your weekly digest': 'Tu resumen semanal',
};
