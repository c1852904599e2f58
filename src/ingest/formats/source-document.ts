/** Where a wire story says it was filed from: `WASHINGTON (Reuters) –`. Offsets are into `SourceDocument.text`. */
export interface Dateline {
  place: string;
  agency?: string;
  start: number;
  end: number;
}

export type SourceFormat = 'text' | 'timeml' | 'json';

/** One article as read from an input file, before any extraction. */
export interface SourceDocument {
  /** The input path (NDJSON lines after the first carry `#<line>`). */
  source: string;
  format: SourceFormat;
  url?: string;
  title?: string;
  /** YYYY-MM-DD or a full ISO timestamp: the anchor for every relative date. */
  publishedAt: string;
  publisher?: string;
  byline?: string;
  dateline?: Dateline;
  /** Where the article was filed from when the dateline stands outside the text (TimeML `<DCT>` "GENEVA, April 5, 1997 (AFP)"). */
  filedFrom?: string;
  text: string;
}
