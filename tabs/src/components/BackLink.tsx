import { Button } from '@fluentui/react-button';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { makeStyles } from '@griffel/react';

const useStyles = makeStyles({ back: { alignSelf: 'flex-start' } });

/** "Back to …" at the top of a detail page. */
export function BackLink({ href, label }: { href: string; label: string }) {
  const s = useStyles();
  return (
    <Button as="a" href={href} appearance="subtle" icon={<ArrowLeftRegular />} className={s.back}>
      {label}
    </Button>
  );
}
