/** The `stopwords-en` package: a JSON array of English stop words (its `main`). */
declare module 'stopwords-en' {
  const words: readonly string[];
  export default words;
}
