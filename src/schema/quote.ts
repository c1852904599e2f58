import { builder } from './builder.js';

export interface QuoteShape {
  text: string;
  start: number;
  end: number;
}

export const Quote = builder.objectRef<QuoteShape>('Quote').implement({
  description: 'The words of an article that support a fact, with their character offsets into the article text.',
  fields: (t) => ({
    text: t.exposeString('text'),
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
  }),
});
