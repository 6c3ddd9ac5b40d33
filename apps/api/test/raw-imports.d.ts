// Vite's `?raw` imports (a file's text), used by the security tests' code-level checks.
declare module '*?raw' {
  const text: string;
  export default text;
}
