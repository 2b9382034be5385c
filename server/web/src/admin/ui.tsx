import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { call } from '../api';

/** What the admin and account pages share: their queries (one key per list, so a write refreshes every view of it; departments: common/queries.ts) and a few layout pieces. */
export const useUsers = () => useQuery({ queryKey: ['users'], queryFn: () => call('users') });
/** Mine, or (admin) everyone's. */
export const useTokens = (all: boolean) => useQuery({ queryKey: ['tokens', all ? 'all' : 'mine'], queryFn: () => call('tokens', { search: { all: all ? 'true' : undefined } }) });

/** Clerks and leads belong to a department; coordinators and admins to none (the server refuses otherwise). */
export const needsDepartment = (role: string) => role === 'clerk' || role === 'lead';

// The forms here are noValidate: the browser's own required-field bubbles would speak the browser's
// language and pre-empt the Chinese messages the forms show; the server checks everything again.

/** The server asks for at least 10 characters; saying so before sending reads better than its field-named refusal. */
export const MIN_PASSWORD = 10;

export const useAdminStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '1100px' },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: '12px' },
  column: { display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '420px' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  dialogForm: { display: 'flex', flexDirection: 'column', gap: '12px' },
});

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useAdminStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <Subtitle2 as="h3">{title}</Subtitle2>
      {children}
    </section>
  );
}

/**
 * A dialog holding one form: a title, the fields, a submit button and 取消. Closing it by Escape or outside click cancels.
 * `open` (default true) lets a caller keep it mounted and close it: a Fluent Dialog unmounted while open leaves
 * aria-hidden on the page (microsoft/fluentui#35139), hiding it from screen readers. `onClosed` runs once it has
 * closed, for leaving the page afterwards.
 */
export function FormDialog(props: { title: ReactNode; submitLabel: string; submitDisabled?: boolean; open?: boolean; onSubmit(): void; onClose(): void; onClosed?(): void; children: ReactNode }) {
  const styles = useAdminStyles();
  return (
    <Dialog
      open={props.open ?? true}
      onOpenChange={(_, d) => !d.open && props.onClose()}
      surfaceMotion={{ onMotionFinish: (_, d) => d.direction === 'exit' && props.onClosed?.() }}
    >
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            props.onSubmit();
          }}
        >
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.dialogForm}>{props.children}</DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={props.submitDisabled}>
                {props.submitLabel}
              </Button>
              <Button onClick={props.onClose}>取消</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
