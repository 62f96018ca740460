// Each test file starts as pos-sim does: speaking Chinese. Files share their modules (isolate:
// false), so a language a file left set must not reach the next.
import { setToolLang } from '../src/i18n/tool-lang.js';

setToolLang('zh');
