/** Assets Vite inlines as data: URLs at build time (used to embed the font in exported SVG). */
declare module '*.woff2?inline' {
  const dataUrl: string;
  export default dataUrl;
}
