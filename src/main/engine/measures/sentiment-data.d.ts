/**
 * The `sentiment` package's English language module (CommonJS): its AFINN-165 labels and
 * scoring strategy. Imported through the module rather than the JSON file so plain Node (tsx)
 * loads it with require's JSON support.
 */
declare module 'sentiment/languages/en/index.js' {
  const en: { readonly labels: Readonly<Record<string, number>> };
  export default en;
}
