import type { Translation } from '../en';
import type { common as en } from '../en/common';

export const common: Translation<typeof en> = {
  'app.name': 'Leaderful',
  'app.loading': 'Cargando…',
  'app.retry': 'Reintentar',
  'app.cancel': 'Cancelar',
  'app.reload': 'Recargar',
  'app.none': '—',

  'auth.failed': 'No hemos podido iniciar tu sesión con Teams.',
  'auth.failedBody': 'Comprueba que has iniciado sesión en Teams y vuelve a intentarlo.',

  'charts.loading': 'Cargando gráfico…',

  'error.network': 'No se puede conectar con Leaderful. Comprueba tu conexión y vuelve a intentarlo.',
  'error.generic': 'Algo ha salido mal. Vuelve a intentarlo.',
  'error.unauthenticated': 'Tu sesión ha caducado. Vuelve a abrir la pestaña para iniciar sesión.',

  'count.weeks.one': '{count} semana',
  'count.weeks.other': '{count} semanas',

  'err.notFound': 'No lo encontramos, o no está compartido contigo.',
  'err.conflict': 'Alguien lo cambió a la vez, o ahora no se puede hacer. Lo hemos recargado; revísalo e inténtalo de nuevo.',
  'err.forbidden': 'No puedes hacer eso aquí.',
  'err.rateLimited': 'Demasiadas solicitudes en poco tiempo. Espera un momento e inténtalo de nuevo.',
  'err.fields': 'Revisa algunos campos.',
  'v.required': 'Este campo es obligatorio.',
  'v.min': 'Escribe al menos {min} caracteres.',
  'v.max': 'Usa {max} caracteres como máximo.',
  'v.pickRating': 'Elige una valoración del 1 al 5.',
};
