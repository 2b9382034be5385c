import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { groupIssues, type Issue, type Report } from '../../../../shared/src';

/** The report arranged by sheet and rule, errors first, as the CLI and the task pane show it; an issue on a cell is a link to it. */
const SHOWN_PER_GROUP = 100;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '10px', maxHeight: '70vh', overflow: 'auto' },
  group: { display: 'flex', flexDirection: 'column', gap: '2px' },
  issue: { textAlign: 'left', background: 'none', border: 'none', padding: '2px 4px', cursor: 'pointer', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200, ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  plain: { padding: '2px 4px', fontSize: tokens.fontSizeBase200 },
});

export function IssueList({ report, onPick }: { report: Report; onPick(issue: Issue): void }) {
  const styles = useStyles();
  const sheets = useMemo(() => groupIssues(report).filter((s) => s.groups.length > 0), [report]);
  if (sheets.length === 0) return <Text>没有发现问题。</Text>;
  return (
    <div className={styles.list} aria-label="问题列表">
      {sheets.map((s) => (
        <section key={s.sheet}>
          <Text weight="semibold">
            {s.sheet}：错误 {s.errors}，警告 {s.warnings}
          </Text>
          {s.groups.map((g) => (
            <div key={g.ruleId} className={styles.group}>
              <Text>
                <Badge appearance="tint" color={g.severity === 'error' ? 'danger' : 'warning'}>
                  {g.severity === 'error' ? '错误' : '警告'}
                </Badge>{' '}
                {g.title}（{g.count}）
              </Text>
              {g.issues.slice(0, SHOWN_PER_GROUP).map((i, k) =>
                i.cell ? (
                  <button key={k} type="button" className={styles.issue} onClick={() => onPick(i)} data-issue-cell={`${i.sheet}!${i.cell}`}>
                    {i.cell} {i.column ? `【${i.column}】` : ''}
                    {i.message}
                  </button>
                ) : (
                  <span key={k} className={styles.plain}>
                    {i.row ? `第 ${i.row} 行：` : ''}
                    {i.message}
                  </span>
                ),
              )}
              {g.issues.length > SHOWN_PER_GROUP && <Text size={200}>……另有 {g.issues.length - SHOWN_PER_GROUP} 处，点开表格逐一查看</Text>}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
