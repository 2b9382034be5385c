import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { setFlagsFromString } from 'node:v8';
import { DEFAULT_MANIFEST } from '../manifest/build';
import { processIo, type CliIo } from './io';
import { rulesCommand } from './rules-command';
import { EXIT, validateCommand } from './validate-command';

// init-bureau and manifest are loaded when run: they bring the database drivers, kysely, argon2
// and xmllint's WebAssembly, ~70 ms of start-up that `govcat validate` has no use for.
const initBureau = () => require('./init-bureau-command') as typeof import('./init-bureau-command');
const manifest = () => require('./manifest-command') as typeof import('./manifest-command');
const backup = () => require('./backup-command') as typeof import('./backup-command');
const resetPassword = () => require('./reset-password-command') as typeof import('./reset-password-command');

/**
 * `govcat`: the product's command line. Commander parses; every message a user sees is Chinese,
 * and nothing prints a stack trace.
 */
const COMMANDER_MESSAGES: Record<string, (e: CommanderError) => string> = {
  'commander.unknownCommand': (e) => `未知的命令${quoted(e.message)}。可用命令：validate（校验工作簿）、rules（填报说明）、init-bureau（初始化单位数据库）、manifest（生成加载项清单）、backup（备份 SQLite 数据库）、reset-password（重设用户密码）。运行 govcat --help 查看用法。`,
  'commander.missingMandatoryOptionValue': (e) => `缺少必填选项${quoted(e.message)}。`,
  'commander.unknownOption': (e) => `未知的选项${quoted(e.message)}。运行 govcat help validate 查看可用选项。`,
  'commander.missingArgument': (e) =>
    /'文件'/.test(e.message) ? '缺少要校验的文件，用法：govcat validate 工作簿.xlsx [--json] [--catalog 目录.xlsx]' : `缺少参数${quoted(e.message)}，运行 govcat help 查看用法。`,
  'commander.optionMissingArgument': (e) => `选项${quoted(e.message)}缺少取值。`,
  'commander.excessArguments': (e) => (/'reset-password'/.test(e.message) ? '参数过多：一次只能重设一个用户的密码。' : '参数过多：一次只能校验一个文件。'),
  'commander.invalidArgument': (e) => e.message.replace(/^error: /, ''),
};

/** Commander's section titles in Chinese; the rest of the help text is ours already. */
const HELP_TITLES: Record<string, string> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：' };

function quoted(message: string): string {
  const m = /'([^']+)'/.exec(message);
  return m ? `“${m[1]}”` : '';
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`--max-issues 应为正整数，当前为“${value}”。`);
  return n;
}

export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command()
    .name('govcat')
    .usage('[选项] [命令]')
    .description('政务数据资源目录工具：校验目录、清单和数据模板')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .configureHelp({ styleTitle: (title: string) => HELP_TITLES[title] ?? title })
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: () => undefined, outputError: () => undefined });

  program
    .command('validate')
    .usage('[选项] <文件>')
    .description('校验一个工作簿（.xlsx、.xls 或 .ods）：目录、需求清单、负面清单、责任清单、联系表和数据模板')
    .argument('<文件>', '要校验的 .xlsx、.xls 或 .ods 文件')
    .option('--json', '输出 JSON 格式的报告')
    .option('--catalog <目录文件>', '数据模板所属资源的目录文件（.xlsx），当工作簿中没有目录表时使用')
    .option('--all', '列出每条规则的全部问题（默认每条规则最多 20 处）')
    .option('--max-issues <数量>', '报告中最多保留的问题数', positiveInt)
    .action(async (file: string, opts: { json?: boolean; catalog?: string; all?: boolean; maxIssues?: number }) => {
      code = await validateCommand(file, opts, io);
    });

  program
    .command('rules')
    .usage('[--json]')
    .description('列出填报说明：每种表格的每一列接受什么、何时必填、由哪些规则检查，以及每条规则的依据和示例')
    .option('--json', '输出 JSON 格式')
    .action((opts: { json?: boolean }) => {
      code = rulesCommand(opts, io);
    });

  program
    .command('init-bureau')
    .usage('--admin <用户名> [--name <显示名>]')
    .description('正式部署的第一步：建立数据库并创建第一个管理员（不含演示数据）。数据库位置由 DATABASE_URL 或 DATA_DIR 决定')
    .requiredOption('--admin <用户名>', '管理员用户名')
    .option('--name <显示名>', '管理员显示名', '系统管理员')
    .action(async (opts: { admin: string; name: string }) => {
      code = await initBureau().initBureauCommand(opts, io);
    });

  program
    .command('manifest')
    .usage('--base-url <地址> --name <名称> [--out manifest.xml]')
    .description('为本单位的服务器地址生成 Excel 加载项清单（manifest.xml），并离线检查')
    .requiredOption('--base-url <地址>', '服务器的 HTTPS 地址，如 https://data.example.gov.cn')
    .option('--name <名称>', '加载项在 Excel 中显示的名称', DEFAULT_MANIFEST.name)
    .option('--id <GUID>', '加载项 Id（默认由服务器地址确定，保持不变）')
    .option('--addin-version <版本>', '清单版本，如 1.0.0.0', DEFAULT_MANIFEST.version)
    .option('--out <文件>', '写入的文件', 'manifest.xml')
    .action(async (opts: { baseUrl: string; name: string; id?: string; addinVersion: string; out: string }) => {
      code = await manifest().manifestCommand({ baseUrl: opts.baseUrl, name: opts.name, id: opts.id, version: opts.addinVersion, out: opts.out }, io);
    });

  program
    .command('backup')
    .usage('<目标文件>')
    .description('在服务器运行时备份 SQLite 数据库（一致的副本，并做完整性检查）。PostgreSQL 请用 pg_dump')
    .argument('<目标文件>', '备份写入的文件，如 backup-2026-11-21.db；已存在的文件不会被覆盖')
    .action(async (target: string) => {
      code = await backup().backupCommand(target, io);
    });

  program
    .command('reset-password')
    .usage('<用户名>')
    .description('在服务器上重设用户的密码：显示一次性密码（登录后须改为新密码），解除账号锁定，退出其全部登录并吊销其访问令牌')
    .argument('<用户名>', '要重设密码的用户名')
    .action(async (username: string) => {
      code = await resetPassword().resetPasswordCommand(username, io);
    });

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return EXIT.ok;
      const explain = COMMANDER_MESSAGES[e.code];
      io.stderr(`${explain ? explain(e) : '命令行参数有误，运行 govcat --help 查看用法。'}\n`);
      return EXIT.unusable;
    }
    io.stderr('发生了意外错误，命令未完成。如是校验文件，请确认文件可以在 Excel 中正常打开后重试。\n');
    return EXIT.unusable;
  }
}

/**
 * V8 settings of the `govcat` process. Streaming a workbook allocates, for every 16 KiB of sheet
 * XML, a burst of parser events, rows and cells that all die within the row. When a
 * young-generation collection falls inside such a burst, V8's allocation-site pretenuring can take
 * that site's objects for long-lived and from then on allocate them straight in the old
 * generation, as garbage only full collections free: on a 200,000-row template, in some runs and
 * not others, ~140 MB more peak RSS and about a second more GC. The command's only long-lived data
 * (shared strings, keys, issues) gains nothing from pretenuring, so it is off for this process.
 */
export const CLI_V8_FLAGS = '--no-allocation-site-pretenuring';

/** The `govcat` process: server/bin/govcat.js, or this file run directly. */
export function runCliProcess(argv: readonly string[]): void {
  setFlagsFromString(CLI_V8_FLAGS);
  runCli(argv).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runCliProcess(process.argv.slice(2));
