/**
 * The Cosmos DB containers Leaderful uses. `infra/main.bicep` declares the same list, and a test
 * keeps the two in step. All are partitioned by tenant: one tenant's data never shares a logical
 * partition with another's, and every query is a single-partition query.
 *
 *  directory  tenants' settings, teams (with conversation references), members, practices
 *  pilots     pilots and their rollups (what leader views read)
 *  checkins   rounds and raw answers (never scanned by leader views)
 *  feedback   feedback items and replies, de-identified
 *  contacts   the private link from an anonymous item to its contributor, read only by delivery
 *  outbox     proactive sends, scheduler claims and processed-activity records
 */
export const CONTAINERS = ['directory', 'pilots', 'checkins', 'feedback', 'contacts', 'outbox'] as const;
export type ContainerName = (typeof CONTAINERS)[number];
export const PARTITION_KEY_PATH = '/tenantId';
