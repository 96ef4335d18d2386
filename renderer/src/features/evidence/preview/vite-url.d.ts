// Vite's `?url` imports (the pdf.js worker): the module's default export is its built URL.
declare module '*?url' {
  const url: string;
  export default url;
}
