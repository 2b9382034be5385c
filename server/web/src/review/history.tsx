import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { Link } from 'react-router';
import { DECISION_LABELS } from '../../../../shared/src';
import { formatTime } from '../format';
import type { Versions } from '../types';
import { commentPlace } from './comments';
import { Counts, StatusBadge } from '../common/feedback';

/** Every version of this department's series, newest first, each with the decisions taken on it. */

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '12px' },
  version: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: '12px', display: 'flex', flexDirection: 'column', gap: '4px' },
  current: { borderLeft: `3px solid ${tokens.colorBrandStroke1}` },
  line: { display: 'flex', gap: '6px 12px', alignItems: 'center', flexWrap: 'wrap' },
  decision: { paddingLeft: '12px' },
  comments: { margin: '2px 0', paddingLeft: '20px' },
});

export function History({ data, currentId }: { data: Versions; currentId: number }) {
  const styles = useStyles();
  const name = (id: number) => data.people[String(id)] ?? `用户 ${id}`;
  return (
    <section className={styles.list} aria-label="版本与审核记录">
      {[...data.versions].reverse().map((v) => (
        <div key={v.id} className={v.id === currentId ? `${styles.version} ${styles.current}` : styles.version} data-testid={`version-${v.version}`}>
          {/* The version, its state and counts, then who sent it when: each its own piece, never run together. */}
          <div className={styles.line}>
            <Text>{v.id === currentId ? <strong>第 {v.version} 版（当前）</strong> : <Link to={`/submissions/${v.id}`}>第 {v.version} 版</Link>}</Text>
            <StatusBadge status={v.status} />
            <Counts errors={v.errors} warnings={v.warnings} />
            <Text>
              {formatTime(v.createdAt)}　{name(v.submittedBy)} 提交
            </Text>
          </div>
          {v.decisions.map((d) => (
            <div key={d.id} className={styles.decision}>
              <Text>
                {formatTime(d.createdAt)}　{name(d.decidedBy)}　<strong>{DECISION_LABELS[d.decision]}</strong>
                {d.reason ? `：${d.reason}` : ''}
              </Text>
              {d.comments.length > 0 && (
                <ul className={styles.comments}>
                  {d.comments.map((c, i) => (
                    <li key={i}>
                      {commentPlace(c)}：{c.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
