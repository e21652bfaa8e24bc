// The process entry point (`node dist/server/main.js`). Kept apart from main.ts so that tests
// and benchmarks can bundle startLeaderful without starting a second app.
import { main } from './main';

void main();
