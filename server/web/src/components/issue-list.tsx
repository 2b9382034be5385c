import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { groupIssues, issueText, type Issue, type IssueGroup, type Report } from '../../../../shared/src';

/**
 * The report arranged by sheet and rule, errors first, as the CLI and the task pane show it; an
 * issue on a cell is a link to it. A group shows its first hundred, and a hundred more at a time.
 */
const SHOWN_PER_GROUP = 100;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '10px', maxHeight: '70vh', overflow: 'auto' },
  group: { display: 'flex', flexDirection: 'column', gap: '2px' },
  issue: { textAlign: 'left', background: 'none', border: 'none', padding: '2px 4px', cursor: 'pointer', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200, ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  plain: { padding: '2px 4px', fontSize: tokens.fontSizeBase200 },
});

export function IssueList({ report, onPick }: { report: Report; onPick(issue: Issue): void }) {
  const sheets = useMemo(() => groupIssues(report).filter((s) => s.groups.length > 0), [report]);
  const styles = useStyles();
  if (sheets.length === 0) return <Text>没有发现问题。</Text>;
  return (
    <div className={styles.list} aria-label="问题列表">
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
