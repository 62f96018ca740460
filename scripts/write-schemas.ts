// Kept while other work still calls it by this name; write-generated.ts does the work.
import './write-generated.js';
