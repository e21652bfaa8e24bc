export { PATH_CARDS, myPathCard, pathCard } from './cards';
export { registerPathRoutes } from './routes';
