export { OUTCOME_LABEL, STORY_CARDS, storyAttachments, storyCard, storyFormCard } from './cards';
export { STORY_SEARCH_COMMAND, registerStoryRoutes, storySearch } from './routes';
