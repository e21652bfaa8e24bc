import type { NewDoc, Store } from '../ports/store';
import type { Celebration } from './model';

/** Where celebrations are kept: `celebration:<id>` documents in the `pilots` container. */
export class CelebrationRepository {
  constructor(private readonly store: Store) {}

  /** Records a celebration unless one with its id exists, and says which happened. */
  addOnce(celebration: NewDoc<Celebration>): Promise<{ doc: Celebration; created: boolean }> {
    return this.store.createOnce<Celebration>('pilots', celebration);
  }
}
