/**
 * Named entities in news text: people, organisations and places with character offsets.
 * The model (models/ner.bin, trained by `npm run train:ner`) is loaded once, on first use.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { featurizeDocument, tagDocument } from '../ner/documentTagger.js';
import { prepareSentence } from '../ner/features.js';
import { deserializeNerModel, type NerModel } from '../ner/model.js';
import { applyDocumentRules } from '../ner/documentRules.js';
import { applySpanRules } from '../ner/spanRules.js';
import { spansFromTags, type EntityType } from '../ner/tagset.js';
import { splitIntoSentences, tokenizeNews } from '../ner/tokenizer.js';
import type { PlaceKind } from './gazetteer/curatedPlaces.js';
import { splitLeadingTitle, titleBeforeName } from './person-titles.js';

export type EntityKind = 'PERSON' | 'ORGANIZATION' | 'PLACE';

export interface EntityMention {
  start: number;
  end: number;
  text: string;
  kind: EntityKind;
  /** The tagger's lowest per-token softmax share across the mention (0–1, not calibrated). */
  confidence?: number;
  /** A title the tagger took into a person's name and that was cut off it ("Sinn Fein President"). */
  title?: string;
  /**
   * A place mention that is no place name of its own: a demonym ("Turkish troops": Turkey) or the place an
   * institution is named after ("Kentucky State Police"). It is a mention of the place, never an event's place.
   */
  placeOnly?: true;
  // Where a place mention was resolved (place-resolution.ts); absent when no reading holds.
  gazetteerId?: string;
  placeName?: string;
  placeKind?: PlaceKind;
  latitude?: number;
  longitude?: number;
  countryCode?: string;
}

/** MISC (nationalities, events, works) is learned but not a kind the product stores. */
const KIND_OF_TYPE: Partial<Record<EntityType, EntityKind>> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE' };

const WEEKDAY = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/;

/** Only spaces between a sentence's last token and the end of its line. */
const LINE_END = /^[^\S\n]*(?:\n|$)/;

const MODEL_URL = new URL('../../../models/ner.bin', import.meta.url);
let loadedModel: NerModel | undefined;

function nerModel(): NerModel {
  if (!loadedModel) {
    const path = fileURLToPath(MODEL_URL);
    let file: Buffer;
    try {
      file = readFileSync(path);
    } catch (error) {
      throw new Error(`cannot read the NER model at ${path} (${(error as Error).message}); train it with \`npm run train:ner\``);
    }
    loadedModel = deserializeNerModel(file, path);
  }
  return loadedModel;
}

export function extractEntities(text: string): EntityMention[] {
  const model = nerModel();
  const sentences = splitIntoSentences(text, tokenizeNews(text));
  const prepared = sentences.map((tokens) => prepareSentence(tokens.map((token) => token.text), model));
  const { tags, confidences } = tagDocument(featurizeDocument(prepared), model.weights);
  sentences.forEach((tokens, sentenceIndex) => {
    const lastToken = tokens[tokens.length - 1]!;
    const previousSentence = sentences[sentenceIndex - 1];
    applySpanRules(prepared[sentenceIndex]!, tags[sentenceIndex]!, model.weights, {
      endsLine: LINE_END.test(text.slice(lastToken.end, lastToken.end + 200)),
      startsLine: !previousSentence || text.slice(previousSentence[previousSentence.length - 1]!.end, tokens[0]!.start).includes('\n'),
    });
  });
  applyDocumentRules(prepared, tags, confidences);
  const mentions: EntityMention[] = [];
  sentences.forEach((tokens, sentenceIndex) => {
    for (const span of spansFromTags(tags[sentenceIndex]!)) {
      const kind = KIND_OF_TYPE[span.type];
      if (!kind) continue;
      // "said Laurent Kabila Friday": the day the wire dates a statement by is not part of the name.
      let last = span.end - 1;
      if (kind !== 'PLACE' && last > span.start && WEEKDAY.test(tokens[last]!.text)) last -= 1;
      let start = tokens[span.start]!.start;
      const end = tokens[last]!.end;
      const confidence = Math.round(Math.min(...confidences[sentenceIndex]!.subarray(span.start, last + 1)) * 1000) / 1000;
      if (kind === 'PERSON') {
        const { nameStart, title: titleInside } = splitLeadingTitle(text.slice(start, end));
        start += nameStart;
        const titleStart = titleInside ? undefined : titleBeforeName(tokens.map((token) => token.text), span.start);
        const title = titleInside ?? (titleStart === undefined ? undefined : text.slice(tokens[titleStart]!.start, tokens[span.start - 1]!.end));
        mentions.push({ start, end, text: text.slice(start, end), kind, confidence, ...(title ? { title } : {}) });
      } else mentions.push({ start, end, text: text.slice(start, end), kind, confidence });
    }
  });
  return mentions;
}
