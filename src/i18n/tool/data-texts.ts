/**
 * Device data and profiles, and the small commands (reset, records, hash-password, starting the
 * device): what is wrong with a profile or the data file, the device lock, and the commands' output.
 * File paths, field paths, JSON keys, flags and command lines stay literal.
 */
import { defineTexts } from './define-texts.js';

export const dataTexts = defineTexts(
  {
    'json.topLevel': '(顶层)',
    'json.issue': '  {field}：{message}',
    'json.expectedValue': '这里不能是 {found}：应是一个值(文字、数字、true、false、null、对象或列表)',
    'json.expectedKey': '应是加双引号的属性名，这里是 {found}',
    'json.trailingComma': '最后一项后面不能有逗号，这里是 {found}',
    'json.expectedColon': '属性名后面应是 :，这里是 {found}',
    'json.expectedCommaOrBrace': '属性值后面应是 , 或 }，这里是 {found}',
    'json.expectedCommaOrBracket': '列表项后面应是 , 或 ]，这里是 {found}',
    'json.stringOpen': '这段文字的引号没有闭合',
    'json.controlInString': '文字中不能直接写控制字符 {char}；请写成转义(如 \\n)',
    'json.badEscape': '无效的转义 {escape}',
    'json.afterEnd': 'JSON 已经结束，后面不能再有 {found}',
    'json.emptyOrEnds': '文件是空的，或在一个值之前就结束了',
    'json.endsOpen': '文件在这里结束了，但第 {line} 行第 {column} 列的 {char} 还没有闭合',

    'profile.notFoundAt': '{path} 处没有设备配置。',
    'profile.notFoundNamed': '没有名为 "{name}" 的设备配置。自带的设备配置有：{names}；也可以给出 .json 文件的路径。',
    'profile.badJson': '{file}:{line}:{column}: 不是有效的 JSON：{reason}',
    'profile.invalid': '{file}：设备配置有误：\n{issues}',
    'profile.or': ' 或 ',
    'profile.giveZh': '请填写中文文字',
    'profile.giveEn': '请填写英文文字',
    'profile.idChars': '只能用小写字母、数字和 -',
    'profile.nameChars': '只能用小写字母、数字和 -(它也是设备数据文件的文件名)',
    'profile.dateFormat': '日期请写成 2024-03-18 这样',
    'profile.verification': '请用 {methods}',
    'profile.smsPhone': '请填写大陆手机号：以 1 开头的 11 位数字，如 13812341234',
    'profile.smsSender': '发送方是服务号码，只能是数字，如 95534',
    'profile.codeValidMin': '验证码有效期至少 30 秒',
    'profile.codeValidMax': '有效期最多一小时(3600 秒)',
    'profile.addSms':
      '请添加 "sms": { "phone": "13812341234", "sender": "95534", "signature": { "zh": "银联商务", "en": "ChinaUMS" }, "codeValidSeconds": 300, "maxAttempts": 3 }',
    'profile.subMenuEmpty': '子菜单至少要有一项',
    'profile.merchantId': '商户号是 15 位数字',
    'profile.terminalId': '终端号是 8 位数字',
    'profile.columnsMin': '至少 28 列(14 个汉字)',
    'profile.columnsMax': '最多 60 列',
    'profile.rowsMin': '正文至少 8 行',
    'profile.rowsMax': '正文最多 20 行',
    'profile.operatorId': '操作员号是两位数字，如 00、01、99',
    'profile.passwordHash': '这里存哈希，不存密码：用 `pos-sim hash-password` 生成',
    'profile.operatorsEmpty': '至少要列出进入设置的那位操作员',
    'profile.coversMethod': '请用 {methods}(插卡支付总要输入 PIN，所以没有通道覆盖 "chip")',
    'profile.coversMissing': '请写明这个通道决定哪些支付方式，如 ["contactless", "qr-unionpay"](都不决定则写 [])',
    'profile.channelsEmpty': '至少列出一个支付通道',
    'profile.cardPinHash': '这里存测试卡 PIN 的哈希，不存 PIN：用 `pos-sim hash-password` 生成',
    'profile.addSale': '请添加 "sale": { "operator": "01", "cardPinHash": "<pos-sim hash-password 147258 的输出>" }',
    'profile.noSuchOperator': '没有操作员 "{operator}"；请用 {operators} 之一',
    'profile.needsSupervisor': '请列出一位主管(role "supervisor"，如操作员 00)：注销时要输入主管密码',
    'profile.operatorTwice': '操作员 {operator} 列了两次；操作员号不能重复',
    'profile.idTwice': '"{id}" 用了两次；id 不能重复',
    'profile.verificationNotService':
      'verification 只用于支付服务(关闭服务)；商户账户和结算卡的解绑总是要短信验证码，请删掉它',
    'profile.limitNotOption': '{limit} 不在 passwordFree.limitOptions({options})中',
    'profile.methodCoveredTwice': '"{method}" 已由通道 "{channel}" 覆盖；一种支付方式只属于一个通道',
    'profile.flowMissing': '没有菜单项运行 "{flow}" 流程；请添加一项',

    'store.notScryptHash': '应为 scrypt 哈希值',
    'store.damagedJson': '{file}:{line}:{column}: 设备数据已损坏({reason})。\n{hint}',
    'store.damaged': '{file}：设备数据已损坏：\n{issues}\n{hint}',
    'store.resetHint':
      '没有改动任何东西。请手工修复这个文件，或运行 `pos-sim reset` 把它另存一边(保留为 {file}.broken-<时间>)，再从设备配置重新开始。',

    'lock.inUse':
      '设备 "{name}" 正被另一个 pos-sim 使用(进程 {pid})，数据在 {dir}。\n请先关闭那一个，或用 --fresh 在一台全新的临时设备上运行，或用 --data-dir 换一份数据。',

    'reset.keptAside': '损坏的设备数据已保留为 {path}',
    'reset.done': '设备 "{name}" 已恢复到设备配置：{location}',

    'recordsCli.noData': '设备 "{name}" 还没有设备数据({where} 不存在)：设备运行过才有操作记录。用 `{command}` 启动它。',
    'recordsCli.none': '设备 "{name}" 还没有操作记录({where})。',
    'recordsCli.headingOne': '设备 "{name}" 的 {count} 条操作记录({where})，最新的在前：',
    'recordsCli.heading': '设备 "{name}" 的 {count} 条操作记录({where})，最新的在前：',

    'hashPassword.prompt': '密码(数字，不显示)：',
    'hashPassword.cancelled': '已取消。',
    'hashPassword.notDigits': '终端密码是 4 到 12 位数字。',

    'start.needsTerminal': 'pos-sim 需要交互式终端：请在终端窗口里运行，不要用管道输入。',
  },
  {
    'json.topLevel': '(top level)',
    'json.issue': '  {field}: {message}',
    'json.expectedValue': 'expected a value (text, number, true, false, null, object or list), found {found}',
    'json.expectedKey': 'expected a property name in double quotes, found {found}',
    'json.trailingComma': 'expected a property name in double quotes, found {found} (no comma after the last one)',
    'json.expectedColon': 'expected : after the property name, found {found}',
    'json.expectedCommaOrBrace': 'expected , or } after a property value, found {found}',
    'json.expectedCommaOrBracket': 'expected , or ] after a list item, found {found}',
    'json.stringOpen': 'this text\'s quote is never closed',
    'json.controlInString': 'a control character {char} cannot stand in text; write it escaped (e.g. \\n)',
    'json.badEscape': 'invalid escape {escape}',
    'json.afterEnd': 'the JSON has ended; nothing may follow it, found {found}',
    'json.emptyOrEnds': 'the file is empty, or ends before a value',
    'json.endsOpen': 'the file ends here, but the {char} at line {line}, column {column} is never closed',

    'profile.notFoundAt': 'No device profile at {path}.',
    'profile.notFoundNamed': 'No device profile named "{name}". Shipped profiles: {names}; or give a path to a .json file.',
    'profile.badJson': '{file}:{line}:{column}: not valid JSON: {reason}',
    'profile.invalid': '{file}: this device profile is not valid:\n{issues}',
    'profile.or': ' or ',
    'profile.giveZh': 'give the Chinese text',
    'profile.giveEn': 'give the English text',
    'profile.idChars': 'use lower-case letters, digits and -',
    'profile.nameChars': 'use lower-case letters, digits and - (it names the device data file)',
    'profile.dateFormat': 'use a date like 2024-03-18',
    'profile.verification': 'use {methods}',
    'profile.smsPhone': 'a mainland mobile number: 11 digits starting with 1, e.g. 13812341234',
    'profile.smsSender': 'the sender is a service number, digits only, e.g. 95534',
    'profile.codeValidMin': 'give a code at least 30 seconds',
    'profile.codeValidMax': 'at most an hour (3600)',
    'profile.addSms':
      'add "sms": { "phone": "13812341234", "sender": "95534", "signature": { "zh": "银联商务", "en": "ChinaUMS" }, "codeValidSeconds": 300, "maxAttempts": 3 }',
    'profile.subMenuEmpty': 'a sub-menu needs at least one item',
    'profile.merchantId': 'a merchant number has 15 digits',
    'profile.terminalId': 'a terminal number has 8 digits',
    'profile.columnsMin': 'at least 28 columns (14 Chinese characters)',
    'profile.columnsMax': 'at most 60 columns',
    'profile.rowsMin': 'at least 8 body rows',
    'profile.rowsMax': 'at most 20 body rows',
    'profile.operatorId': 'operator numbers have two digits, e.g. 00, 01, 99',
    'profile.passwordHash': 'store a hash, never the password: make one with `pos-sim hash-password`',
    'profile.operatorsEmpty': 'list at least the operator who opens 设置',
    'profile.coversMethod': 'use {methods} (a chip payment always needs the PIN, so no channel covers "chip")',
    'profile.coversMissing': 'say which payment methods this channel decides, e.g. ["contactless", "qr-unionpay"] (or [] for none)',
    'profile.channelsEmpty': 'list at least one payment channel',
    'profile.cardPinHash': 'store a hash of the test card PIN, never the PIN: make one with `pos-sim hash-password`',
    'profile.addSale': 'add "sale": { "operator": "01", "cardPinHash": "<the output of pos-sim hash-password 147258>" }',
    'profile.noSuchOperator': 'no operator "{operator}"; use one of {operators}',
    'profile.needsSupervisor': 'list a 主管 (role "supervisor", e.g. operator 00): 注销 asks for the 主管 password',
    'profile.operatorTwice': 'operator {operator} is listed twice; numbers must be unique',
    'profile.idTwice': '"{id}" is used twice; ids must be unique',
    'profile.verificationNotService':
      'verification is for payment services (关闭服务); 解绑 of the merchant account or settlement card always asks for a texted code, so remove it',
    'profile.limitNotOption': '{limit} is not among passwordFree.limitOptions ({options})',
    'profile.methodCoveredTwice': '"{method}" is already covered by channel "{channel}"; a payment method belongs to one channel',
    'profile.flowMissing': 'no menu item runs the "{flow}" flow; add one',

    'store.notScryptHash': 'must be a scrypt hash',
    'store.damagedJson': '{file}:{line}:{column}: the device data is damaged ({reason}).\n{hint}',
    'store.damaged': '{file}: the device data is damaged:\n{issues}\n{hint}',
    'store.resetHint':
      'Nothing was changed. Repair the file by hand, or run `pos-sim reset` to set it aside (kept as {file}.broken-<time>) and start again from the device profile.',

    'lock.inUse':
      'The device "{name}" is in use by another pos-sim (process {pid}), data in {dir}.\nClose that one first, or run this one as a fresh throw-away device with --fresh, or on other data with --data-dir.',

    'reset.keptAside': 'The damaged device data was kept as {path}',
    'reset.done': 'Device "{name}" reset to its profile: {location}',

    'recordsCli.noData':
      'No device data for "{name}" yet ({where} does not exist): the device keeps records once it has run. Start it with `{command}`.',
    'recordsCli.none': 'No operation records yet on device "{name}" ({where}).',
    'recordsCli.headingOne': '{count} operation record of device "{name}" ({where}), newest first:',
    'recordsCli.heading': '{count} operation records of device "{name}" ({where}), newest first:',

    'hashPassword.prompt': 'Password (digits, not shown): ',
    'hashPassword.cancelled': 'Cancelled.',
    'hashPassword.notDigits': 'A terminal password is 4 to 12 digits.',

    'start.needsTerminal': 'pos-sim needs an interactive terminal: run it in a terminal window, not with piped input.',
  },
);
