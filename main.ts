// `node dist/main.js`, the compiled bot's entry point. tsc keeps the repository's layout under dist/
// (dist/src, dist/commands), so this one file at the top gives the command a short, stable path.
import './src/main.js';
