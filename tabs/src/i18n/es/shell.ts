import type { Translation } from '../en';
import type { shell as en } from '../en/shell';

export const shell: Translation<typeof en> = {
  'nav.label': 'Vistas de Leaderful',
  'nav.myPilots': 'Mis pilotos',
  'nav.feedback': 'Comentarios',
  'nav.leader': 'Líderes',
  'nav.circles': 'Círculos',
  'nav.stories': 'Historias',
  'nav.projects': 'Proyectos',
  'nav.path': 'Mi desarrollo',
  'nav.admin': 'Administración',

  'signIn.title': 'Elige un usuario de demostración',
  'signIn.intro': 'Esta es una demostración local de Leaderful. Elige a alguien para ver la aplicación como la vería en Microsoft Teams.',
  'signIn.switchUser': 'Cambiar de usuario',
  'openInTeams.title': 'Abre Leaderful en Microsoft Teams',
  'openInTeams.body': 'Esta página es una pestaña de Microsoft Teams. Abre Leaderful desde Aplicaciones en Teams para usarla.',

  'role.member': 'Miembro del equipo',
  'role.manager': 'Responsable',
  'role.leader': 'Líder sénior',
  'role.admin': 'Administrador',

  'config.title': 'Muestra los pilotos de un equipo en este canal',
  'config.intro': 'Elige el equipo cuyos pilotos muestra esta pestaña. Todos en el canal verán los pilotos de ese equipo y cómo van.',
  'config.team': 'Equipo',
  'config.ready': 'Selecciona Guardar para añadir la pestaña.',
  'config.noTeams': 'Todavía no perteneces a ningún equipo que Leaderful conozca. Primero añade el bot de Leaderful a tu equipo.',
  'config.preview': 'Abrir la vista del equipo',
  'config.tabName': 'Pilotos',
  'config.meetingTitle': 'Trae el seguimiento de un equipo a esta reunión',
  'config.meetingIntro': 'Elige el equipo cuyo seguimiento comentáis aquí. Todos en la reunión ven si ya han respondido suficientes personas y, cuando la ronda se cierra, cuántas y su resumen.',
  'config.meetingTabName': 'Seguimiento',
  'config.circleTitle': 'Ancla la página de un círculo en este chat',
  'form.teamPlaceholder': 'Elige un equipo',
  'config.circleIntro': 'Elige el círculo que se reúne en este chat. Sus miembros ven aquí su página: quién lo convoca, la elección y sus seguimientos.',
  'config.circle': 'Círculo',
  'config.noCircles': 'Todavía no estás en ningún círculo. Empieza uno desde la página Círculos y ánclalo aquí.',
  'nav.preferences': 'Preferencias',
  'nav.pulse': 'Mi pulso',
};
