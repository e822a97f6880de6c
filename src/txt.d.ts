// Text files bundled as strings (esbuild `loader: { '.txt': 'text' }`, mirrored in vitest.config.ts).
declare module '*.txt' {
  const text: string;
  export default text;
}
