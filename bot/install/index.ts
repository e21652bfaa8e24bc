export { registerInstallRoutes } from './routes';
