/**
 * `npx tsx eval/events/show-gold.ts [doc...]` prints gold articles with every labelled trigger marked in the text
 * (⟦e2 stormed⟧), then their events: the view the checking pass re-read each article in.
 */
import { readDocumentFile } from '../../src/ingest/formats/index.js';
import { join, resolve } from 'node:path';
import { defaultCorpusDir, readGold, seedTextFile, type GoldArticle } from './gold-format.js';

async function textOf(article: GoldArticle): Promise<string> {
  const [document] = await readDocumentFile(article.corpus === 'seed' ? seedTextFile : join(defaultCorpusDir, article.file));
  return document!.text;
}

function marked(text: string, article: GoldArticle): string {
  const marks = article.events.flatMap((event) => event.mentions.map((mention) => ({ ...mention, key: event.key })));
  marks.sort((a, b) => b.start - a.start);
  let out = text;
  for (const mark of marks) out = `${out.slice(0, mark.start)}⟦${mark.key} ${out.slice(mark.start, mark.end)}⟧${out.slice(mark.end)}`;
  return out;
}

async function main(wanted: string[]): Promise<void> {
  for (const article of readGold()) {
    if (wanted.length && !wanted.some((name) => article.file.includes(name))) continue;
    process.stdout.write(`######## ${article.file} (${article.story}, ${article.split}, published ${article.publishedOn})\n`);
    process.stdout.write(`${marked(await textOf(article), article).trim()}\n`);
    for (const event of article.events) {
      const places = event.places.map((place) => `${place.name}/${place.role}${place.fromDateline ? '(dateline)' : ''}`).join(', ');
      const people = event.participants.map((participant) => `${participant.name}/${participant.role}`).join(', ');
      const date = event.undated ? 'undated' : `${event.date.startsOn}${event.date.endsOn !== event.date.startsOn ? `..${event.date.endsOn}` : ''} ${event.date.precision}${event.date.approximate ? '~' : ''}`;
      process.stdout.write(`  ${event.key} ${event.type} ${date}${event.background ? ' background' : ''} [${event.cluster}] @ ${places || '-'} | ${people || '-'}\n`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main(process.argv.slice(2));
