/** The command line's own texts: usage and what is wrong with the flags and arguments. */
import { defineTexts } from './define-texts.js';

export const cliTexts = defineTexts(
  {
    'cli.usage': `pos-sim - 在终端里模拟 POS 机

用法
  pos-sim [选项]                 运行模拟 POS 机(默认设备配置)
  pos-sim run FILES|DIRS...      无界面回放操作脚本；退出码 0 全部通过，1 有失败，2 输入有误
  pos-sim record FILE            在终端里操作，按键写成操作脚本 FILE
  pos-sim paths [--write DIR]    到每个菜单状态的最短按键路径(--write 写成操作脚本)
  pos-sim reset [选项]           把设备恢复到设备配置(损坏的数据文件另存保留)
  pos-sim profiles               列出设备配置
  pos-sim records [--json]       打印设备的操作记录，最新的在前(只读)
  pos-sim practice [TASK]        在临时设备上练习一个流程并打分(不给 TASK：列出任务)
  pos-sim practice --history     历次练习成绩，最新的在前
  pos-sim demo [PROCEDURE]       慢速演示一个操作脚本，每步有说明(不给 PROCEDURE：列出可演示的)
  pos-sim screenshot WALKTHROUGH 操作脚本某一步的屏幕截图(SVG 或 PNG)
  pos-sim guide WALKTHROUGH      由操作脚本生成带屏幕截图的操作指南(HTML 或 Markdown)
  pos-sim chart                  菜单状态机的 Mermaid 状态图(Markdown)
  pos-sim hash-password          读入一个密码，打印可写入设备配置的加盐哈希

选项
  --fixture NAME|PATH    设备配置：\`pos-sim profiles\` 中的名称或 .json 文件(默认：default)
                         (run：所有操作脚本改在此配置上回放；all：在每个自带配置上各回放一遍)
  --data-dir DIR         设备数据目录(默认：$POS_SIM_DATA_DIR，其次系统的数据目录：
                         Linux $XDG_DATA_HOME/pos-sim 或 ~/.local/share/pos-sim，
                         macOS ~/Library/Application Support/pos-sim，
                         Windows %LOCALAPPDATA%\\pos-sim\\Data)
  --fresh                出厂状态的设备，放在临时目录，不保存任何数据
  --time-scale N         设备时钟快 N 倍(默认：1)
  --lang zh|en           设备和本工具的语言(默认：$POS_SIM_LANG 或 zh)
  --reporter NAME        run：pretty(默认)、tap、junit、json 或 html(一个带每步屏幕的网页)
  --bail                 run：遇到第一个失败的脚本就停止
  --coverage             run：报告脚本覆盖到的菜单状态和转换
  --update-snapshots     run：与屏幕快照不同时写入新的快照，删除没有步骤使用的快照
  --snapshot-dir DIR     run：与快照不同的屏幕的图片写到这里(默认：pos-sim-snapshots)
  --workers N            run：并行的工作线程数(默认：CPU 核数；脚本少时少用)
  --shard I/N            run：只回放 N 份中的第 I 份(CI 矩阵，如 --shard 2/4)
  --include-tags A,B     run：只回放带 A 或 B 标签的脚本，其余报告为跳过
  --exclude-tags C       run：不回放带 C 标签的脚本(报告为跳过)
  --env NAME=VALUE       run、demo：脚本中 \${NAME} 的值(可多次给出；先于环境变量)
  --write DIR            paths：把每条路径写成操作脚本，放进 DIR
  --json                 records：输出 JSON 而不是表格
  --yes                  reset：替换设备数据前不再询问(没有终端时必须加)
  --history              practice：打印练习记录
  --speed N              demo：加快(2)或放慢(0.5)，默认约 1.5 秒一步(默认：1)
  --record FILE.cast     demo：同时写 asciinema 录像(没有终端也可以)
  --step N               screenshot：第 N 步之后的屏幕(0：第一步之前；默认：最后一步)
  --out FILE             screenshot：.svg 或 .png 文件；guide：指南文件
  --format html|md       guide：一个 HTML 网页(默认)，或 Markdown 加图片文件
  -h, --help             本帮助
  -v, --version          版本号

环境变量
  NO_COLOR               不为空时不输出颜色(加粗和选中行的反显保留)`,
    'count.step': '{count} 步',
    'count.steps': '{count} 步',
    'cli.badFlag': '{reason}\n运行 `pos-sim --help` 查看选项。',
    'cli.unknownOption': '没有选项 {option}。',
    'cli.unknownOptionNear': '没有选项 {option}，是不是要用 {near}？',
    'cli.optionNeedsValue': '{option} 后面要跟一个值。',
    'cli.optionValueLikeOption': '{option} 的值 {value} 以 - 开头，会被当成选项：写成 {option}={value}。',
    'cli.optionTakesNoValue': '{option} 不带值，只写 {option} 即可。',
    'cli.unknownCommand': '没有命令 "{command}"。命令有：{commands}(不给命令则运行设备)。',
    'cli.needsArguments': '"{command}" 需要{what}。',
    'cli.takesNoArguments': '"{command}" 不带参数，却给了：{given}',
    'cli.takesArguments': '"{command}" 只接受{what}，却给了：{given}',
    'cli.flagNotFor': '--{flag} 不能用于"{command}"。运行 `pos-sim --help` 查看。',
    'cli.startingDevice': '运行设备',
    'cli.what.run': '操作脚本文件或目录',
    'cli.what.record': '要写入的操作脚本文件',
    'cli.what.practice': '一个任务：`pos-sim practice` 列出的编号或名称，或任务文件',
    'cli.what.demo': '一个操作脚本：流程 P1…P5、`pos-sim demo` 列出的名称，或文件',
    'cli.what.screenshot': '一个操作脚本：流程 P1…P5、`pos-sim demo` 列出的名称，或文件',
    'cli.what.guide': '一个操作脚本：流程 P1…P5、`pos-sim demo` 列出的名称，或文件',
    'cli.badLang': '--lang {lang}：请用 {langs} 之一。',
    'cli.badReporter': '--reporter {reporter}：请用 {reporters} 之一。',
    'cli.historyWithTask': '--history 打印全部练习记录；请去掉任务({task})。',
    'cli.badSpeed': '--speed {speed}：请给一个大于 0(最多 100)的数，如 0.5 为半速，2 为两倍速。',
    'cli.badTimeScale': '--time-scale {scale}：请给一个大于 0(最多 {max})的数：设备时钟走得快几倍，如 10 时 5 分钟的锁定 30 秒就结束。',
    'cli.badRecord': '--record {file}：asciinema 录像是 .cast 文件，如 --record demo.cast',
    'cli.freshWithDataDir': '--fresh 和 --data-dir 不能同时用：--fresh 使用临时目录。',
    'cli.badWorkers': '--workers {workers}：请给 1 到 {max} 之间的整数。',
    'cli.badShard': '--shard {shard}：请写成 I/N，1 ≤ I ≤ N，如 --shard 2/4 是 4 份中的第 2 份。',
    'cli.badStep': '--step {step}：请给步骤的编号(0 是第一步之前)，如 --step 5。',
    'cli.badFormat': '--format {format}：请用 {formats} 之一。',
    'cli.badPictureFile': '--out {file}：截图是 .svg 或 .png 文件，如 --out screen.png',
    'cli.badEnv': '--env {given}：请写成 NAME=value，NAME 由字母、数字和 _ 组成(不以数字开头)，如 --env AMOUNT=5000。',
    'cli.badTags': '{flag} {given}：请写标签，多个用逗号分开(不含空格)，如 {flag} smoke,p1。',
  },
  {
    'cli.usage': `pos-sim - a POS terminal simulator in your terminal

Usage
  pos-sim [options]              run the simulated terminal (default profile)
  pos-sim run FILES|DIRS...      play walkthroughs headless; exit 0 all pass, 1 a failure, 2 bad input
  pos-sim record FILE            use the terminal; what you press is written to FILE as a walkthrough
  pos-sim paths [--write DIR]    the shortest key path to every menu state (as walkthroughs with --write)
  pos-sim reset [options]        return the device to its profile (a damaged data file is kept aside)
  pos-sim profiles               list the device profiles
  pos-sim records [--json]       print the device's operation records, newest first (read only)
  pos-sim practice [TASK]        practise a procedure on a throw-away device and get a score (no TASK: the list)
  pos-sim practice --history     the practice results so far, newest first
  pos-sim demo [PROCEDURE]       play a walkthrough slowly with a caption per step (no PROCEDURE: the list)
  pos-sim screenshot WALKTHROUGH a picture of the screen at a step of a walkthrough (SVG or PNG)
  pos-sim guide WALKTHROUGH      a step-by-step guide with a picture of every screen (HTML or Markdown)
  pos-sim chart                  the menu machines as Mermaid state diagrams (Markdown)
  pos-sim hash-password          read a password, print its salted hash for a profile

Options
  --fixture NAME|PATH    device profile: a name from \`pos-sim profiles\` or a .json file (default: default)
                         (run: plays every walkthrough on this profile instead of its own;
                         all: on every shipped profile in turn)
  --data-dir DIR         where device data lives (default: $POS_SIM_DATA_DIR, else the system's:
                         Linux $XDG_DATA_HOME/pos-sim or ~/.local/share/pos-sim,
                         macOS ~/Library/Application Support/pos-sim,
                         Windows %LOCALAPPDATA%\\pos-sim\\Data)
  --fresh                a factory-fresh device in a throw-away folder; nothing is saved
  --time-scale N         the device clock runs N times as fast (default: 1)
  --lang zh|en           language of the device and of this tool (default: $POS_SIM_LANG or zh)
  --reporter NAME        run: pretty (default), tap, junit, json or html (a page with every step's screen)
  --bail                 run: stop at the first failing walkthrough
  --coverage             run: report the menu states and transitions the walkthroughs reached
  --update-snapshots     run: write screen snapshots anew where the screen differs; remove unused ones
  --snapshot-dir DIR     run: where pictures of screens that differ from their snapshots go (default: pos-sim-snapshots)
  --workers N            run: worker threads in parallel (default: the CPU cores; fewer for few files)
  --shard I/N            run: play only the I-th of N shares of the files (CI matrices, e.g. --shard 2/4)
  --include-tags A,B     run: play only the walkthroughs tagged A or B; the others are reported skipped
  --exclude-tags C       run: do not play those tagged C (reported skipped)
  --env NAME=VALUE       run, demo: the value of \${NAME} in walkthroughs (repeatable; before the environment's)
  --write DIR            paths: write each path as a walkthrough file into DIR
  --json                 records: print JSON instead of a table
  --yes                  reset: replace the device data without asking (needed without a terminal)
  --history              practice: print the practice history
  --speed N              demo: faster (2) or slower (0.5) than a step about every 1.5 s (default: 1)
  --record FILE.cast     demo: also write an asciinema recording (works without a terminal)
  --step N               screenshot: the screen after step N (0: before the first; default: the last)
  --out FILE             screenshot: a .svg or .png file; guide: the guide's file
  --format html|md       guide: one HTML page (default), or Markdown with picture files
  -h, --help             this help
  -v, --version          the version

Environment
  NO_COLOR               when set and not empty: no colour (bold and the inverse selected row stay)`,
    'count.step': '{count} step',
    'count.steps': '{count} steps',
    'cli.badFlag': '{reason}\nRun `pos-sim --help` for the options.',
    'cli.unknownOption': 'Unknown option {option}.',
    'cli.unknownOptionNear': 'Unknown option {option}; did you mean {near}?',
    'cli.optionNeedsValue': '{option} needs a value after it.',
    'cli.optionValueLikeOption': '{option}: its value {value} starts with - and reads as an option: write {option}={value}.',
    'cli.optionTakesNoValue': '{option} takes no value; write just {option}.',
    'cli.unknownCommand': 'Unknown command "{command}". Commands: {commands} (or none, to run the device).',
    'cli.needsArguments': '"{command}" needs {what}.',
    'cli.takesNoArguments': '"{command}" takes no arguments, got: {given}',
    'cli.takesArguments': '"{command}" takes {what}, got: {given}',
    'cli.flagNotFor': '--{flag} does not go with {command}. Run `pos-sim --help`.',
    'cli.startingDevice': 'starting the device',
    'cli.what.run': 'walkthrough files or folders',
    'cli.what.record': 'the walkthrough file to write',
    'cli.what.practice': 'one task: its number or name from `pos-sim practice`, or a task file',
    'cli.what.demo': 'one walkthrough: a procedure P1…P5, a name from `pos-sim demo`, or a file',
    'cli.what.screenshot': 'one walkthrough: a procedure P1…P5, a name from `pos-sim demo`, or a file',
    'cli.what.guide': 'one walkthrough: a procedure P1…P5, a name from `pos-sim demo`, or a file',
    'cli.badLang': '--lang {lang}: use one of {langs}.',
    'cli.badReporter': '--reporter {reporter}: use one of {reporters}.',
    'cli.historyWithTask': '--history prints every practice; leave out the task ({task}).',
    'cli.badSpeed': '--speed {speed}: give a number above 0 (up to 100), e.g. 0.5 for half speed or 2 for double.',
    'cli.badTimeScale':
      '--time-scale {scale}: give a number above 0 (up to {max}): how many times as fast the device clock runs, e.g. 10 ends a 5-minute lockout in 30 s.',
    'cli.badRecord': '--record {file}: an asciinema recording is a .cast file, e.g. --record demo.cast',
    'cli.freshWithDataDir': '--fresh and --data-dir do not go together: --fresh uses a throw-away folder.',
    'cli.badWorkers': '--workers {workers}: give a whole number from 1 to {max}.',
    'cli.badShard': '--shard {shard}: write I/N with 1 ≤ I ≤ N, e.g. --shard 2/4 for the 2nd of 4 shares.',
    'cli.badStep': '--step {step}: give the number of a step (0 is before the first), e.g. --step 5.',
    'cli.badFormat': '--format {format}: use one of {formats}.',
    'cli.badPictureFile': '--out {file}: a picture is a .svg or .png file, e.g. --out screen.png',
    'cli.badEnv': '--env {given}: write NAME=value, NAME being letters, digits and _ (not starting with a digit), e.g. --env AMOUNT=5000.',
    'cli.badTags': '{flag} {given}: write tags, several separated by commas (no spaces), e.g. {flag} smoke,p1.',
  },
);
