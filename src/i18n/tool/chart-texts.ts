/** `pos-sim chart`: what each menu state shows, for the diagram's notes. */
import { defineTexts } from './define-texts.js';

export const chartTexts = defineTexts({}, {});
