import MarkdownIt from 'markdown-it';

/**
 * Lessons' Markdown as HTML the tab can show as is: raw HTML is never passed through (it comes
 * out as text), and only https links become links (anything else stays plain text).
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.validateLink = (url: string) => /^https:\/\/[^\s]+$/i.test(url.trim());
// Links leave the tab: a new window, and no referrer or opener for the page they lead to.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('target', '_blank');
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderLesson(markdown: string): string {
  return md.render(markdown);
}


/** A lesson as plain text for a card (which escapes Markdown): emphasis dropped, links as their words. */
export function lessonPlainText(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\[([^\]]+)\]\(([^)]*)\)/g, '$1');
}
