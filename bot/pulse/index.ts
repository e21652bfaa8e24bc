// The managers' pulse in Teams: routes and cards.
export { registerPulseRoutes } from './routes';
export { PULSE_CARDS, atRiskDigestCard, pulseCard, pulseThanksCard } from './cards';
