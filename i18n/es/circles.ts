import type { SameCodes } from '../codes';
import type { circles as en } from '../en/circles';

/** Spanish: as ../en/circles.ts. */
export const circles: SameCodes<typeof en> = {
  errors: {
    'circle.convenor_only_call': 'Solo quien coordina o un administrador puede convocar una elección.',
    'circle.convenor_only_close': 'Solo quien coordina o un administrador puede cerrar antes la elección.',
    'circle.convenor_only_edit': 'Solo quien coordina el círculo puede cambiarlo.',
    'circle.election_open': 'Ya hay una elección abierta en este círculo.',
    'circle.election_closed': 'Esta elección ya ha cerrado.',
    'circle.no_election': 'No hay ninguna elección abierta en este círculo.',
    'circle.nominee_only': 'Solo la persona propuesta puede retirar su candidatura.',
    'circle.full': 'Un círculo tiene como máximo {max} miembros.',
    'circle.convenor_leaving': 'Coordinas este círculo: primero pasa el rol (convoca una elección o pídeselo a un administrador).',
  },
  circles: {
    'circle.rule.tie_break': 'Gana quien tenga más votos. Un empate se resuelve a favor de quien haya coordinado este círculo hace más tiempo (primero quien nunca lo ha hecho); si sigue el empate, a favor de quien fue propuesto primero.',
    'circle.rule.rotation':
      'Si no hay candidaturas al cerrar la elección, quien coordina sigue otro mandato si puede presentarse; si no, el rol rota al miembro que haya coordinado hace más tiempo (primero quien nunca lo ha hecho), por orden de incorporación.',
    'circle.rule.ballot':
      'Un voto por persona, secreto y modificable hasta el cierre. Gana quien tenga más votos; en caso de empate, quien haya coordinado hace más tiempo (primero quien nunca lo ha hecho) y, después, quien fue propuesto antes.',
    'circle.rule.outgoing_rotates': 'Quien coordina ahora no se presenta esta vez: el rol rota.',
    'circle.election.first': { one: '«{name}» ha comenzado con {count} miembro.', other: '«{name}» ha comenzado con {count} miembros.' },
    'circle.election.term_ended': 'El mandato de {name} como coordinador ha terminado: ¡gracias!',
    'circle.election.requested': '{name} ha convocado una elección.',
    'circle.result.votes': '{name} recibió más votos ({count} emitidos).',
    'circle.result.tie_break': 'Hubo empate: según la regla de desempate del círculo, el rol es para {name}, quien coordinó hace más tiempo.',
    'circle.result.continued': 'Nadie más se presentó, así que {name} continúa un nuevo mandato.',
    'circle.result.rotation': 'Nadie se presentó, así que el rol rota a {name}, quien coordinó hace más tiempo.',
  },
};
