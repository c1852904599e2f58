import { builder } from './builder.js';
import './scalars.js';
import './quote.js';
import './article.js';
import './event.js';
import './person.js';
import './organization.js';
import './place.js';
import './source.js';
import './claim.js';
import './merge.js';
import './write-log.js';
import './ingest.js';
import './timeline.js';

export const schema = builder.toSchema({ sortSchema: false });
