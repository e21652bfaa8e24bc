export { CELEBRATION_CARDS, celebrationCard } from './cards';
export { registerCelebrationRoutes } from './routes';
