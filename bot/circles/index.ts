export { CIRCLE_CARDS, circleCard, circleUpdateCard, joinCard, updateCard } from './cards';
export { registerCircleRoutes } from './routes';
