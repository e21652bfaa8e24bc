import { Text } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens, type Theme } from '@fluentui/react-theme';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useFluentTheme } from '../../theme';
import { toBodies, type QuestionRow } from './questions-model';

/**
 * The check-in card as members will get it: the server draws it with the bot's own template (in
 * the reader's language) and the `adaptivecards` library renders it here, with a host config made
 * from the Teams theme, as Teams does. Fetched a moment after typing stops; while the questions
 * have problems the last good card stays, with a note.
 */
export interface CheckinPreviewProps {
  title: string;
  rows: QuestionRow[];
  /** False while the questions have problems: nothing is sent until they are fixed. */
  ready: boolean;
}

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  label: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground1 },
  frame: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: '80px',
  },
  note: { color: tokens.colorNeutralForeground3 },
});

/** What Teams' renderer is told about fonts, colours and spacing, from the current Fluent theme. */
function hostConfig(theme: Theme) {
  const colours = (fg: string, subtle: string) => ({ default: fg, subtle });
  return {
    fontFamily: "'Segoe UI', system-ui, -apple-system, sans-serif",
    supportsInteractivity: true,
    containerStyles: {
      default: {
        backgroundColor: theme.colorNeutralBackground1,
        foregroundColors: {
          default: colours(theme.colorNeutralForeground1, theme.colorNeutralForeground3),
          accent: colours(theme.colorBrandForeground1, theme.colorBrandForeground2),
          attention: colours(theme.colorPaletteRedForeground1, theme.colorPaletteRedForeground2),
          good: colours(theme.colorPaletteGreenForeground1, theme.colorPaletteGreenForeground2),
          warning: colours(theme.colorPaletteDarkOrangeForeground1, theme.colorPaletteDarkOrangeForeground2),
        },
      },
    },
    actions: { actionsOrientation: 'horizontal', actionAlignment: 'left', buttonSpacing: 8, maxActions: 6, spacing: 'default', showCard: { actionMode: 'inline' } },
  };
}

export default function CheckinPreview({ title, rows, ready }: CheckinPreviewProps) {
  const { api } = useSession();
  const { t, language } = useI18n();
  const theme = useFluentTheme();
  const s = useStyles();
  const host = useRef<HTMLDivElement>(null);
  const [card, setCard] = useState<Record<string, unknown>>();
  const [failed, setFailed] = useState(false);
  const body = JSON.stringify({ title: title.trim().slice(0, 120) || t('form.untitled'), questions: toBodies(rows), locale: language });

  useEffect(() => {
    if (!ready) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api
        .post<{ card: Record<string, unknown> }>('/api/checkin-preview', { body: JSON.parse(body), signal: abort.signal })
        .then((r) => {
          setCard(r.card);
          setFailed(false);
        })
        .catch(() => abort.signal.aborted || setFailed(true));
    }, 300);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [api, body, ready]);

  useEffect(() => {
    if (!card) return;
    let live = true;
    import('adaptivecards')
      .then((AC) => {
        if (!live || !host.current) return;
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(hostConfig(theme));
        adaptive.onExecuteAction = () => undefined; // a preview: nothing is sent
        adaptive.parse(card);
        const rendered = adaptive.render();
        host.current.replaceChildren(...(rendered ? [rendered] : []));
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [card, theme]);

  return (
    <section className={s.box} aria-labelledby="checkin-preview-label">
      <Text id="checkin-preview-label" className={s.label}>
        {t('form.preview')}
      </Text>
      <div className={s.frame} data-testid="checkin-preview" ref={host} />
      {!ready && (
        <Text size={200} className={s.note}>
          {t('form.previewWaiting')}
        </Text>
      )}
      {failed && (
        <Text size={200} className={s.note} role="status">
          {t('form.previewFailed')}
        </Text>
      )}
    </section>
  );
}
