import { defineTexts } from './define-texts.js';

export const dataTexts = defineTexts({}, {});
