import type { Translation } from '../en';
import type { privacy as en } from '../en/privacy';

/** The words of this area's domain codes (i18n/es/privacy.ts): they load with its strings. */
export { privacy as codes } from '../../../../i18n/es/privacy';

export const privacy: Translation<typeof en> = {
  'mydata.title': 'Tus datos',
  'mydata.intro': 'Descarga todo lo que Leaderful guarda sobre ti: tu perfil, tus equipos y círculos, tus respuestas a los check-ins, los comentarios que diste (también los anónimos) y tu plan de desarrollo.',
  'mydata.json': 'Descargar mis datos (JSON)',
  'mydata.csv': 'Descargar mis datos (CSV)',

  'admin.section.privacy': 'Privacidad',
  'privacy.title': 'Los datos de una persona',
  'privacy.intro': 'Exporta o borra lo que Leaderful guarda sobre una persona, como exige tu política de privacidad. Las exportaciones no incluyen lo que Leaderful mantiene privado para las personas administradoras (respuestas a check-ins, planes de desarrollo, comentarios anónimos); la persona puede descargarlo ella misma.',
  'privacy.person': 'Persona',
  'privacy.search': 'Busca por nombre',
  'privacy.noMatch': 'Nadie con ese nombre',
  'privacy.pick': 'Elige primero a alguien.',
  'privacy.exportJson': 'Exportar (JSON)',
  'privacy.exportCsv': 'Exportar (CSV)',
  'privacy.erase': 'Borrar…',
  'privacy.eraseTitle': '¿Borrar a {name}?',
  'privacy.eraseWhat': 'Se eliminan el perfil de {name}, sus reconocimientos, su plan de desarrollo, sus vínculos de contacto y sus mensajes; sale de sus equipos y círculos, y su nombre se sustituye por un guion donde otras personas conservan lo que hicieron juntas. Las cifras de los equipos no cambian. No se puede deshacer.',
  'privacy.eraseType': 'Escribe {name} para confirmar',
  'privacy.eraseConfirm': 'Borrar a {name}',
  'privacy.cancel': 'Cancelar',
  'privacy.erased': 'Se borró a {name}: {deleted} documentos eliminados y {deidentified} desidentificados.',
  'privacy.alreadyErased': 'Esta persona ya se había borrado.',
  'privacy.nameMismatch': 'El nombre no coincide.',

  'tenant.title': 'Eliminar todos los datos de tu organización',
  'tenant.intro': 'Cuando tu organización deje de usar Leaderful, elimina todo lo que guarda para ella: personas, equipos, pilotos, check-ins, comentarios, mensajes y el registro de auditoría. Quita también la aplicación de Teams.',
  'tenant.start': 'Eliminar todos los datos…',
  'tenant.ticket': 'Se eliminarán {count} documentos. Escribe {name} para confirmar en los próximos 10 minutos.',
  'tenant.type': 'Nombre de la organización',
  'tenant.confirm': 'Eliminarlo todo',
  'tenant.done': 'Se eliminaron todos los datos de tu organización ({count} documentos).',

  'audit.action.privacy.exported': 'Exportó los datos de {name}',
  'audit.action.privacy.erased': 'Borró a una persona (referencia {reference})',
};
