export { PROJECT_CARDS, projectCard } from './cards';
export { registerProjectRoutes } from './routes';
