import { Badge } from '@fluentui/react-badge';

export type BadgeColor = 'brand' | 'success' | 'warning' | 'danger' | 'informative' | 'subtle';

/** A short state word on a tinted badge (a story's outcome, a project's status, "coach"). */
export function LabelBadge({ label, color, testId }: { label: string; color: BadgeColor; testId?: string }) {
  return (
    <Badge appearance="tint" shape="rounded" color={color} data-testid={testId}>
      {label}
    </Badge>
  );
}
