import { randomBytes } from 'node:crypto';
import { DEMO_TENANT_ID, demoDirectory } from '../../domain/demo';
import { GraphStandIn } from './stand-in';

/** Puts the demo organisation (people, managers, departments, team owners) in a stand-in's demo tenant. */
export function loadDemoDirectory(graph: GraphStandIn): void {
  const { users, teams } = demoDirectory();
  const tenant = graph.tenant(DEMO_TENANT_ID);
  tenant.put(users);
  for (const t of teams) tenant.teams.set(t.groupId, t.members);
}

/** A Graph stand-in serving the demo organisation, for `npm start` with the embedded store. */
export async function startDemoGraph(): Promise<GraphStandIn> {
  const graph = await new GraphStandIn(randomBytes(18).toString('base64url')).start();
  loadDemoDirectory(graph);
  return graph;
}
