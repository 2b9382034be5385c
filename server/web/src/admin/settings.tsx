import { Field, makeStyles, Switch } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api';
import { ErrorBar, Loading, Notice } from '../common/feedback';
import { Section, useAdminStyles } from './ui';

interface Settings {
  leadConfirmation: boolean;
}

const useStyles = makeStyles({
  steps: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '6px', maxWidth: '900px' },
});

/** 单位设置: the bureau's workflow switch, and how to hand the Excel add-in to the departments. */
export function SettingsTab() {
  return (
    <>
      <LeadConfirmation />
      <AddinDistribution />
    </>
  );
}

function LeadConfirmation() {
  const styles = useAdminStyles();
  const queries = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings') });
  const save = useMutation({
    mutationFn: (next: Settings) => call('updateSettings', { json: next }),
    onSuccess: (saved) => {
      queries.setQueryData(['settings'], saved);
      return queries.invalidateQueries({ queryKey: ['settings'] });
    },
  });
  return (
    <Section title="审核流程">
      <ErrorBar error={settings.error ?? save.error} />
      {settings.isPending ? (
        <Loading />
      ) : settings.data ? (
        <Field hint="部门领导确认：开启后，部门提交须经部门领导确认后才进入审核；关闭时，提交直接进入审核。">
          <Switch
            label="部门领导确认"
            checked={settings.data.leadConfirmation}
            disabled={save.isPending}
            onChange={(_, d) => save.mutate({ leadConfirmation: d.checked })}
          />
        </Field>
      ) : null}
      {save.isSuccess && <Notice intent="success">{save.data.leadConfirmation ? '已开启部门领导确认' : '已关闭部门领导确认'}</Notice>}
      <p className={styles.muted}>更改对此后的提交生效；关闭后，尚待部门领导确认的提交也可由审核人员直接处理。</p>
    </Section>
  );
}

function AddinDistribution() {
  const styles = useAdminStyles();
  const own = useStyles();
  return (
    <Section title="Excel 加载项分发">
      <p>
        <a href="/manifest.xml" download="manifest.xml" data-testid="manifest-link">
          下载 manifest.xml
        </a>
        <span className={styles.muted}>（本服务器的加载项清单，其中的地址为服务器设置的 PUBLIC_URL；未设置时只能在服务器本机通过 localhost 下载。服务器地址变更后请重新下载并部署）</span>
      </p>
      <ol className={own.steps}>
        <li>
          <strong>共享文件夹目录（Windows 版 Excel）：</strong>把 manifest.xml 放到一个网络共享文件夹；在 Excel 中打开 文件 › 选项 › 信任中心 › 信任中心设置 › 受信任的加载项目录，添加该共享文件夹的网络路径并勾选“显示在菜单中”；重启 Excel 后，在 开始 › 加载项（或 插入 › 我的加载项）› 共享文件夹 中添加本加载项。
        </li>
        <li>
          <strong>Microsoft 365 集中部署：</strong>由单位的 Microsoft 365 管理员在 Microsoft 365 管理中心 › 设置 › 集成应用 中上传 manifest.xml，并分配给填报人员；加载项会自动出现在他们的 Excel 中。
        </li>
        <li>
          <strong>Excel 网页版上传：</strong>在 Excel 网页版中打开 开始 › 加载项 › 更多加载项 › 我的加载项 › 上传我的加载项，选择 manifest.xml。
        </li>
      </ol>
      <p className={styles.muted}>Excel 要求加载项地址使用 HTTPS。加载项打开后，在其“设置”页填写服务器地址和个人访问令牌。</p>
    </Section>
  );
}
