export { notificationCard, outboxCard, type FeedbackCards } from './cards';
export { CONVERSATION_WINDOWS, SlidingWindowLimiter, TENANT_WINDOWS, type Window } from './pacing';
export { Delivery, type DeliveryOptions } from './delivery';
export type { DeliveryStats } from './stats';
