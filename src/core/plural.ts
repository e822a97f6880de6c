/** `1 failure`, `3 failures`: the counts in every summary line and mail. */
export const plural = (n: number, word: string, suffix = 's'): string => `${n} ${word}${n === 1 ? '' : suffix}`;
