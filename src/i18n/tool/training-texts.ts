import { defineTexts } from './define-texts.js';

export const trainingTexts = defineTexts({}, {});
