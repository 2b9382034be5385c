import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { groupIssues, issueText, MARK_LABELS, REVIEW_ACTION_LABELS, type Issue, type IssueGroup, type Report } from '../../../../shared/src';
import type { CellComment, Decision } from '../types';
import { commentKey, commentPlace } from './comments';
import { useFillHeight } from '../common/fill-height';
import { REVIEW_EDGE } from './sheet-grid';

/**
 * The report arranged by sheet and rule, errors first, as the CLI and the task pane show it; an
 * issue on a cell is a link to it. A group shows its first hundred, and a hundred more at a time.
 * Reviewers' reasons and comments come first, under 审核意见: they are what the clerk must answer.
 */
const SHOWN_PER_GROUP = 100;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '10px', overflow: 'auto' },
  opinions: { display: 'flex', flexDirection: 'column', gap: '2px', borderLeft: `3px solid ${REVIEW_EDGE}`, paddingLeft: '6px' },
  group: { display: 'flex', flexDirection: 'column', gap: '2px' },
  issue: { textAlign: 'left', background: 'none', border: 'none', padding: '2px 4px', cursor: 'pointer', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200, ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  plain: { padding: '2px 4px', fontSize: tokens.fontSizeBase200 },
});

interface Props {
  report: Report;
  opinions?: readonly Decision[];
  onPick(issue: Issue): void;
  onPickComment(comment: CellComment): void;
}

export function IssueList({ report, opinions = [], onPick, onPickComment }: Props) {
  const sheets = useMemo(() => groupIssues(report).filter((s) => s.groups.length > 0), [report]);
  const styles = useStyles();
  const [ref, height] = useFillHeight<HTMLDivElement>(160);
  return (
    <div className={styles.list} aria-label="问题列表" ref={ref} style={{ maxHeight: height }}>
      {opinions.length > 0 && (
        <section className={styles.opinions} data-testid="opinions">
          <Text weight="semibold">{MARK_LABELS.review}</Text>
          {opinions.map((d) => (
            <div key={d.id} className={styles.group}>
              {d.reason && (
                <span className={styles.plain}>
                  {REVIEW_ACTION_LABELS[d.decision]}理由：{d.reason}
                </span>
              )}
              {d.comments.map((c, k) => (
                <CommentLine key={k} comment={c} onPick={onPickComment} className={styles.issue} />
              ))}
            </div>
          ))}
        </section>
      )}
      {sheets.length === 0 && <Text>{opinions.length ? '校验没有发现问题。' : '没有发现问题。'}</Text>}
      {sheets.map((s) => (
        <section key={s.sheet}>
          <Text weight="semibold">
            {s.sheet}：错误 {s.errors}，警告 {s.warnings}
          </Text>
          {s.groups.map((g) => (
            <IssueGroupView key={g.ruleId} group={g} onPick={onPick} />
          ))}
        </section>
      ))}
    </div>
  );
}

function IssueGroupView({ group: g, onPick }: { group: IssueGroup; onPick(issue: Issue): void }) {
  const styles = useStyles();
  const [limit, setLimit] = useState(SHOWN_PER_GROUP);
  return (
    <div className={styles.group} data-rule={g.ruleId}>
      <Text>
        <Badge appearance="tint" color={g.severity === 'error' ? 'danger' : 'warning'}>
          {g.severity === 'error' ? '错误' : '警告'}
        </Badge>{' '}
        {g.title}（{g.count}）
      </Text>
      {g.issues.slice(0, limit).map((i, k) =>
        i.cell ? (
          <button key={k} type="button" className={styles.issue} onClick={() => onPick(i)} data-issue-cell={`${i.sheet}!${i.cell}`}>
            {i.cell} {issueText(i)}
          </button>
        ) : (
          <span key={k} className={styles.plain}>
            {i.row ? `第 ${i.row} 行：` : ''}
            {i.message}
          </span>
        ),
      )}
      {g.issues.length > limit && (
        <Button size="small" appearance="subtle" onClick={() => setLimit(limit + SHOWN_PER_GROUP)}>
          ……另有 {g.issues.length - limit} 处，再显示 {Math.min(SHOWN_PER_GROUP, g.issues.length - limit)} 处
        </Button>
      )}
    </div>
  );
}

/** One reviewer's comment as a link to its cell or row. */
export function CommentLine({ comment: c, onPick, className }: { comment: CellComment; onPick(c: CellComment): void; className?: string }) {
  return (
    <button type="button" className={className} onClick={() => onPick(c)} data-comment={commentKey(c)}>
      <strong>{commentPlace(c)}</strong>：{c.message}
    </button>
  );
}
