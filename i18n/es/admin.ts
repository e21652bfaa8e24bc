import type { SameCodes } from '../codes';
import type { admin as en } from '../en/admin';

/** Spanish: as ../en/admin.ts. */
export const admin: SameCodes<typeof en> = {
  errors: {
    'admin.admins_only': 'Solo las personas administradoras de Leaderful pueden hacerlo. Se asignan con el rol Leaderful.Admin en Microsoft Entra ID.',
    'admin.owner_in_teams': 'Esta persona es propietaria del equipo en Teams: cambia los propietarios del equipo en Teams.',
  },
  sync: {
    'sync.not_connected': 'Leaderful no puede leer esta organización en Microsoft Graph: su identidad pertenece a otro inquilino.',
    'sync.graph_forbidden': 'Microsoft Graph lo ha rechazado: concede a la identidad de Leaderful los permisos de aplicación User.Read.All y TeamMember.Read.All (consulta la guía de despliegue).',
    'sync.graph_throttled': 'Microsoft Graph pidió a Leaderful una y otra vez que fuera más despacio. La próxima sincronización sigue desde la última completa.',
    'sync.graph_unavailable': 'No se pudo contactar con Microsoft Graph. La próxima sincronización sigue desde la última completa.',
    'sync.restarted': 'El enlace de cambios guardado había caducado, así que esta sincronización volvió a leer toda la organización.',
    'sync.cycle': 'La cadena de mando de {people:and} vuelve sobre sí misma: se mantuvo su lugar anterior.',
    'sync.missing_manager': 'La persona responsable de {person} ({manager}) no está en el directorio: se mantuvo su lugar anterior.',
    'sync.too_many_reports': { one: '{person} tiene {count} colaborador directo, más de los {max} que acepta Leaderful: esas líneas de dependencia no se tomaron.', other: '{person} tiene {count} colaboradores directos, más de los {max} que acepta Leaderful: esas líneas de dependencia no se tomaron.' },
    'sync.team_not_found': 'Teams ya no conoce el equipo «{team}»: se mantuvieron sus responsables.',
    'sync.team_forbidden': 'Microsoft Graph se negó a listar los propietarios de «{team}»: se mantuvieron sus responsables.',
    'sync.failed': 'La sincronización se detuvo por un error inesperado. La próxima volverá a leer los cambios.',
    'sync.more_problems': { one: 'Y {count} problema más.', other: 'Y {count} problemas más.' },
  },
};
