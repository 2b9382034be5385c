import { Badge, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { PROGRESS_STATE_LABELS, SUBMISSION_STATUS_LABELS, type ProgressState, type SubmissionStatus } from '../../../../shared/src';
import { ApiFailure } from '../api';

/** Small pieces every page uses: loading, a refusal in words, status badges. */
export function Loading({ label = '正在加载…' }: { label?: string }) {
  return <Spinner size="small" label={label} />;
}

export function messageOf(error: unknown): string {
  return error instanceof ApiFailure ? error.message : '出现了意外错误，请刷新页面后重试';
}

export function ErrorBar({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{messageOf(error)}</MessageBarBody>
    </MessageBar>
  );
}

export function Notice({ intent, children }: { intent: 'success' | 'info' | 'warning'; children: React.ReactNode }) {
  return (
    <MessageBar intent={intent} role="status">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

const STATUS_COLOR: Record<ProgressState, 'informative' | 'brand' | 'success' | 'danger' | 'warning'> = {
  'not-started': 'informative',
  submitted: 'informative',
  confirmed: 'brand',
  returned: 'warning',
  approved: 'success',
  overdue: 'danger',
};

export function StatusBadge({ status }: { status: SubmissionStatus }) {
  return (
    <Badge appearance="filled" color={STATUS_COLOR[status]} data-status={status}>
      {SUBMISSION_STATUS_LABELS[status]}
    </Badge>
  );
}

export function StateBadge({ state }: { state: ProgressState }) {
  return (
    <Badge appearance={state === 'not-started' ? 'outline' : 'filled'} color={STATUS_COLOR[state]} data-state={state}>
      {PROGRESS_STATE_LABELS[state]}
    </Badge>
  );
}

/** Errors and warnings as two counts, red and amber. */
export function Counts({ errors, warnings }: { errors: number; warnings: number }) {
  return (
    <span style={{ display: 'inline-flex', gap: 6 }}>
      <Badge appearance={errors ? 'filled' : 'outline'} color={errors ? 'danger' : 'informative'} title="错误">
        错误 {errors}
      </Badge>
      <Badge appearance={warnings ? 'filled' : 'outline'} color={warnings ? 'warning' : 'informative'} title="警告">
        警告 {warnings}
      </Badge>
    </span>
  );
}
