// The scale section of bench/RESULTS.md: bench/scale.mjs writes it between two markers, bench/run.mjs writes
// the rest of the file and keeps it. Both go through here so the file holds exactly one scale block.
export const SCALE_START = '<!-- scale:start -->';
export const SCALE_END = '<!-- scale:end -->';

/** Each complete block: a start marker, no other start marker, then the next end marker. */
const BLOCK = /<!-- scale:start -->(?:(?!<!-- scale:start -->)[\s\S])*?<!-- scale:end -->/g;
/** A scale section without markers (written before they existed): its heading up to the next heading or a marker. */
const UNMARKED = /^## Scale\b(?:(?!^## |<!-- scale:)[\s\S])*/gm;

/** The newest scale block of the text (the last one; blocks were appended), or an unmarked section, marked. */
export function lastScaleBlock(text) {
  const blocks = text.match(BLOCK);
  if (blocks) return blocks[blocks.length - 1];
  const unmarked = text.match(UNMARKED);
  return unmarked ? `${SCALE_START}\n${unmarked[unmarked.length - 1].trimEnd()}\n${SCALE_END}` : undefined;
}

/** The text without any scale block, unmarked scale section or stray marker. */
export function withoutScale(text) {
  return text
    .replace(BLOCK, '')
    .replace(UNMARKED, '')
    .replace(/^<!-- scale:(start|end) -->\s*$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
}

/** The text with `block` as its one scale block, at the end. */
export function withScaleBlock(text, block) {
  const rest = withoutScale(text);
  return `${rest ? `${rest}\n\n` : ''}${block.trim()}\n`;
}
