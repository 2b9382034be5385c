import { setFlagsFromString } from 'node:v8';
import { CLI_V8_FLAGS, runCliProcess } from './main';

jest.mock('node:v8', () => ({ ...jest.requireActual<typeof import('node:v8')>('node:v8'), setFlagsFromString: jest.fn() }));

test('the govcat process turns off allocation-site pretenuring before it runs the command', async () => {
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const exitCode = process.exitCode;
  try {
    runCliProcess(['--help']);
    expect(setFlagsFromString).toHaveBeenCalledWith(CLI_V8_FLAGS);
    expect(CLI_V8_FLAGS).toBe('--no-allocation-site-pretenuring');
    await new Promise((r) => setImmediate(r));
    expect(write).toHaveBeenCalledWith(expect.stringContaining('用法'));
  } finally {
    write.mockRestore();
    process.exitCode = exitCode;
  }
});
