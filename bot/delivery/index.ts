export { notificationCard, outboxCard, type FeedbackCards } from './cards';
export { CONVERSATION_WINDOWS, SlidingWindowLimiter, TENANT_WINDOWS, type Window } from './pacing';
export { Delivery, type DeliveryOptions, type DeliveryStats } from './delivery';
