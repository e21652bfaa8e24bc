export { FEEDBACK_CARDS, feedbackNotificationCard, sentCard, threadCard } from './cards';
export { handleFeedbackAction } from './actions';
export { feedbackFormCard, plainMessageText, readFormValues, submitFeedbackForm, type FeedbackFormValues, type FormMode } from './form';
export { feedbackCommand, feedbackFetchTask, feedbackSubmitAction, registerFeedbackRoutes } from './routes';
