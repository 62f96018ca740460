import { defineTexts } from './define-texts.js';

export const walkthroughTexts = defineTexts({}, {});
