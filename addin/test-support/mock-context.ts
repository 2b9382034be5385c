import { OfficeMockObject } from 'office-addin-mock';

/** The parts of office-addin-mock's objects the fake workbooks use (its typings mark them private). */
export type MockNode = { addMock(name: string): void; populate(data: object): void; [key: string]: unknown };

/** An office-addin-mock request context over `data` that counts its context.sync() calls. */
export function countingContext(data: object): { context: Excel.RequestContext; syncs: () => number } {
  const mock = new OfficeMockObject(data) as unknown as { sync: () => Promise<void> };
  const sync = mock.sync.bind(mock);
  let syncs = 0;
  mock.sync = async () => {
    syncs++;
    await sync();
  };
  return { context: mock as unknown as Excel.RequestContext, syncs: () => syncs };
}
