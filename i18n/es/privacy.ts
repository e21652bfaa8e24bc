import type { SameCodes } from '../codes';
import type { privacy as en } from '../en/privacy';

/** Spanish: as ../en/privacy.ts. */
export const privacy: SameCodes<typeof en> = {
  errors: {
    'privacy.not_self': 'No puedes borrarte a ti: pide a otra persona administradora que lo haga.',
    'privacy.confirm_name': 'Escribe el nombre de la persona tal como aparece para confirmar el borrado.',
    'privacy.deletion_token': 'Esta confirmación ha caducado o no es válida: vuelve a empezar el borrado.',
    'privacy.deletion_name': 'Escribe el nombre de tu organización tal como aparece para confirmar el borrado.',
  },
};
