export { CIRCLE_COMMANDS, COMMANDS } from './commands';
export { registerHelpRoutes } from './routes';
