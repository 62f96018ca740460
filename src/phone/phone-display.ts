/** The phone's text grid, apart from the phone itself: golden screen files name it without loading the phone. */
import type { GridSize } from '../screen/text-layout.js';

/** The phone's text grid: a narrow, tall screen beside the terminal. */
export const PHONE_DISPLAY: GridSize = { columns: 32, rows: 9 };
