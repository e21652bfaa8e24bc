import type { NotificationKind } from '../../domain/outbox';
import type { CardAttachment } from '../cards';
import type { Locale } from '../i18n';
import type { LinkConfig } from './links';

/**
 * How a feature draws the outbox messages it queues: kind → card, in the reader's language.
 * Pure: everything a card needs was captured when the message was queued, so sending reads
 * nothing. bot/delivery merges every feature's table.
 */
export type DrawNotification = (data: Record<string, unknown>, links: LinkConfig, locale: Locale) => CardAttachment;
export type NotificationCards = Partial<Record<NotificationKind, DrawNotification>>;
