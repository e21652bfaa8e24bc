/**
 * Spanish for micro-lessons: the lesson card and the check-in card's tip of the week.
 * English is the key (see ./index.ts). No imports: the table is data.
 */
export const LESSONS_ES: Record<string, string> = {
  '{minutes}-minute read': 'Lectura de {minutes} minutos',
  'For your first weeks as convenor of “{name}”': 'Para tus primeras semanas como convocante de «{name}»',
  'A short lesson for the launch of “{title}”': 'Una lección breve para el lanzamiento de «{title}»',
  'A lesson from Leaderful': 'Una lección de Leaderful',
  'Tip of the week: ${tipTitle}': 'Consejo de la semana: ${tipTitle}',
  'Read the lesson': 'Leer la lección',
};
