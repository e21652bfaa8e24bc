import type { SameCodes } from '../codes';
import type { projects as en } from '../en/projects';

/** Spanish: as ../en/projects.ts. */
export const projects: SameCodes<typeof en> = {
  errors: {
    'challenge.leaders_only': 'Solo la dirección puede publicar retos de la organización.',
    'challenge.poster_only': 'Solo quien publicó este reto (o una persona administradora) puede cerrarlo.',
    'challenge.closed': 'Este reto está cerrado: ya no se acepta como proyecto.',
    'project.leaders_only': 'Solo la dirección decide sobre los proyectos comunitarios.',
    'project.own_proposal': 'Tú propusiste este proyecto: decide otra persona de la dirección.',
    'project.already_decided': 'Este proyecto ya estaba {status:project_status}.',
    'project.members_only': 'Solo los miembros del círculo registran avances de su proyecto.',
    'project.not_started': 'Los seguimientos de avance empiezan cuando se aprueba el proyecto.',
    'project.finished': 'Este proyecto está {status:project_status}.',
    'project.done_by': 'Solo el círculo o el patrocinador pueden dar el proyecto por terminado.',
    'project.not_approved': 'El proyecto aún no se ha aprobado.',
    'project.declined': 'Un proyecto rechazado no se puede completar.',
  },
};
