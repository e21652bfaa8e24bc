export { CHECKIN_CARDS, checkinCard, checkinThanksCard, summaryCard, type CheckinView } from './cards';
export { registerCheckinRoutes } from './routes';
