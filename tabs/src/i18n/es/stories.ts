import type { Translation } from '../en';
import type { stories as en } from '../en/stories';

/** The words of this area's domain codes (i18n/es/stories.ts): they load with its strings. */
export { stories as codes } from '../../../../i18n/es/stories';

export const stories: Translation<typeof en> = {
  'stories.title': 'Historias de práctica',
  'stories.subtitle': 'Qué probaron otros responsables, qué pasó y qué cambiarían: la biblioteca de la organización.',
  'stories.library': 'Biblioteca',
  'stories.search': 'Buscar historias',
  'stories.searchLabel': 'Buscar',
  'stories.searchButton': 'Buscar',
  'stories.outcome': 'Resultado',
  'stories.practice': 'Práctica',
  'stories.any': 'Cualquiera',
  'stories.found.one': '{count} historia',
  'stories.found.other': '{count} historias',
  'stories.none': 'Ninguna historia coincide. Prueba otras palabras o filtros.',
  'story.outcome.adopted': 'Adoptada',
  'story.outcome.adapted': 'Adaptada',
  'story.outcome.stopped': 'Abandonada',
  'reaction.helpful': 'Útil',
  'reaction.inspiring': 'Inspiradora',
  'reaction.will_try': 'Lo probaré',

  'story.back': 'Volver a las historias',
  'story.byline': '{practice} · {author}, {team}',
  'story.story': 'La historia',
  'story.published': 'Publicada',
  'story.reactions': 'Reacciones',
  'story.builtOn': 'Pilotos que parten de ella',
  'story.builtOnEntry': '{title} — {team} ({manager}), {date}',
  'story.yours': 'Esta historia es tuya. Para editarla, vuelve a publicarla desde el mismo piloto.',
  'story.editLink': 'Ir a publicar',
  'ask.title': 'Preguntar a {name}',
  'ask.label': 'Tu pregunta',
  'ask.hint': 'Le llega a su chat de Teams con tu nombre.',
  'ask.submit': 'Enviar pregunta',
  'ask.sent': 'Enviada. {name} verá tu pregunta en Teams.',

  'publish.title': 'Publicar una historia',
  'publish.hint': 'Uno de tus pilotos ha terminado. Cuenta a los demás lo que aprendiste.',
  'publish.open': 'Escribir una historia',
  'publish.pilot': 'Piloto',
  'publish.learning': 'Lo que anotaste al cerrarlo: {learning}',
  'publish.already': 'ya publicada',
  'publish.tried': 'Qué probamos',
  'publish.happened': 'Qué pasó',
  'publish.change': 'Qué cambiaría',
  'publish.circles': 'Compartir también con mis círculos',
  'publish.submit': 'Publicar',
};
