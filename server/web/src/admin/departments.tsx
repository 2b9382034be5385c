import { Button, Field, Input, Table, TableBody, TableCell, TableRow } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api';
import { HeaderRow } from '../common/table';
import { formatTime } from '../format';
import type { Department } from '../types';
import { ErrorBar, Loading, Notice } from '../common/feedback';
import { FormDialog, Section, useAdminStyles } from './ui';
import { useDepartments } from '../common/queries';

interface DepartmentInput {
  name: string;
  code: string | null;
}

/** 部门: the bureau's departments, added and renamed here; users and tasks point at them. */
export function DepartmentsTab() {
  const departments = useDepartments();
  const [editing, setEditing] = useState<Department | null>(null);
  return (
    <>
      <AddDepartment />
      <Section title="部门列表">
        <ErrorBar error={departments.error} />
        {departments.isPending ? (
          <Loading />
        ) : (
          <Table aria-label="部门列表" size="small">
            <HeaderRow columns={['名称', '代码', '创建时间', '操作']} />
            <TableBody>
              {departments.data?.map((d) => (
                <TableRow key={d.id} data-testid={`department-row-${d.name}`}>
                  <TableCell>{d.name}</TableCell>
                  <TableCell>{d.code ?? '—'}</TableCell>
                  <TableCell>{formatTime(d.createdAt)}</TableCell>
                  <TableCell>
                    <Button size="small" aria-label={`编辑 ${d.name}`} onClick={() => setEditing(d)}>
                      编辑
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
              {departments.data?.length === 0 && (
                <TableRow>
                  <TableCell colSpan={4}>还没有部门，请先在上方添加。</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        )}
      </Section>
      {editing && <EditDepartmentDialog department={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

const toInput = (name: string, code: string): DepartmentInput => ({ name: name.trim(), code: code.trim() || null });

function AddDepartment() {
  const styles = useAdminStyles();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const add = useMutation({
    mutationFn: (input: DepartmentInput) => call('createDepartment', { json: input }),
    onSuccess: () => {
      setName('');
      setCode('');
      return queries.invalidateQueries({ queryKey: ['departments'] });
    },
  });
  return (
    <Section title="添加部门">
      <form
        noValidate
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(toInput(name, code));
        }}
      >
        <DepartmentFields name={name} code={code} setName={setName} setCode={setCode} />
        <Button type="submit" appearance="primary" disabled={add.isPending || !name.trim()}>
          添加部门
        </Button>
      </form>
      <ErrorBar error={add.error} />
      {add.isSuccess && <Notice intent="success">已添加部门“{add.data.name}”</Notice>}
    </Section>
  );
}

function EditDepartmentDialog({ department, onClose }: { department: Department; onClose(): void }) {
  const queries = useQueryClient();
  const [name, setName] = useState(department.name);
  const [code, setCode] = useState(department.code ?? '');
  const save = useMutation({
    mutationFn: (input: DepartmentInput) => call('updateDepartment', { params: { id: department.id }, json: input }),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['departments'] });
      onClose();
    },
  });
  return (
    <FormDialog title="编辑部门" submitLabel="保存" submitDisabled={save.isPending || !name.trim()} onClose={onClose} onSubmit={() => save.mutate(toInput(name, code))}>
          <DepartmentFields name={name} code={code} setName={setName} setCode={setCode} />
      <ErrorBar error={save.error} />
    </FormDialog>
  );
}

function DepartmentFields({ name, code, setName, setCode }: { name: string; code: string; setName(v: string): void; setCode(v: string): void }) {
  return (
    <>
      <Field label="部门名称" required>
        <Input name="department-name" value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label="部门代码（可选）">
        <Input name="department-code" value={code} onChange={(_, d) => setCode(d.value)} />
      </Field>
    </>
  );
}
