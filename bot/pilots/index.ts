export { STATUS_LABEL, pilotCard, practiceCard } from './cards';
export { defaultValues, pilotFormCard, submitPilotForm } from './form';
export { registerPilotRoutes } from './routes';
