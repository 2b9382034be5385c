import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Diff } from '../types';
import { ROW_TONES } from './sheet-grid';

/** What changed since the department's last approved version, in words: resources and items added, removed, changed. */
const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '8px' },
  added: { backgroundColor: ROW_TONES.added.fill, padding: '2px 6px' },
  removed: { backgroundColor: '#FDE7E9', padding: '2px 6px', textDecorationLine: 'line-through' },
  changed: { backgroundColor: ROW_TONES.changed.fill, padding: '2px 6px' },
  list: { margin: 0, paddingLeft: '20px' },
  note: { color: tokens.colorNeutralForeground3 },
});

export function DiffPanel({ diff }: { diff: Diff }) {
  const styles = useStyles();
  const { added, removed, changed } = diff.resources;
  return (
    <section className={styles.panel} aria-label="与上次通过版本的差异">
      <Text className={styles.note}>
        {diff.base ? `与本部门第 ${diff.base.version} 版（最近一次通过）相比：` : '本部门还没有通过的版本，所有资源均为新增。'}
        新增 {added.length} 个资源，删除 {removed.length} 个，变更 {changed.length} 个。
      </Text>
      <NameList title="新增资源" names={added} className={styles.added} />
      <NameList title="删除资源" names={removed} className={styles.removed} />
      {changed.length > 0 && (
        <div>
          <Text weight="semibold">变更资源</Text>
          <ul className={styles.list}>
            {changed.map((c) => (
              <li key={c.name} data-testid={`diff-changed-${c.name}`}>
                <span className={styles.changed}>{c.name}</span>
                <ul className={styles.list}>
                  {c.fields.map((f) => (
                    <li key={f.field}>
                      {f.field}：{f.before || '（空）'} → {f.after || '（空）'}
                    </li>
                  ))}
                  {c.itemsAdded.map((n) => (
                    <li key={`+${n}`}>
                      新增信息项 <span className={styles.added}>{n}</span>
                    </li>
                  ))}
                  {c.itemsRemoved.map((n) => (
                    <li key={`-${n}`}>
                      删除信息项 <span className={styles.removed}>{n}</span>
                    </li>
                  ))}
                  {c.itemsChanged.map((i) => (
                    <li key={`~${i.name}`}>
                      信息项 <span className={styles.changed}>{i.name}</span>：{i.fields.map((f) => `${f.field} ${f.before || '（空）'} → ${f.after || '（空）'}`).join('；')}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function NameList({ title, names, className }: { title: string; names: string[]; className: string }) {
  const styles = useStyles();
  if (names.length === 0) return null;
  return (
    <div>
      <Text weight="semibold">{title}</Text>
      <ul className={styles.list}>
        {names.map((n) => (
          <li key={n}>
            <span className={className}>{n}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
