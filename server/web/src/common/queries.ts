import { useQuery } from '@tanstack/react-query';
import { call } from '../api';

/** The lists many pages read, one query key each, so a write that invalidates the key refreshes every view of it. */
export const useDepartments = () => useQuery({ queryKey: ['departments'], queryFn: () => call('departments') });
export const useTasks = () => useQuery({ queryKey: ['tasks'], queryFn: () => call('tasks') });
