const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes XML character references; unknown names are left as written (as Python's html.unescape does for the scorer). */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return safeCodePoint(parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[name] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** Removes every tag, then decodes entities: the plain text the TimeML scorer compares against. */
export function stripTags(xml: string): string {
  return xml
    .split(/(<[^>]+>)/)
    .filter((piece) => !piece.startsWith('<'))
    .map(decodeXmlEntities)
    .join('');
}

export function lineAt(content: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < content.length; i++) if (content.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Checks that tags nest properly; returns a description of the first problem or null.
 * A real XML parser would be a dependency; TimeML files only need open/close/self-closing tags checked.
 */
export function findXmlNestingProblem(content: string): string | null {
  const open: { name: string; offset: number }[] = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|</;
  let rest = 0;
  const pattern = new RegExp(tag.source, 'g');
  for (let match = pattern.exec(content); match; match = pattern.exec(content)) {
    rest = match.index;
    if (match[0] === '<') return `line ${lineAt(content, rest)}: "<" does not start a well-formed tag`;
    const name = match[2];
    if (name === undefined) continue;
    if (match[4] === '/') continue;
    if (match[1] !== '/') {
      open.push({ name, offset: rest });
      continue;
    }
    const last = open.pop();
    if (!last) return `line ${lineAt(content, rest)}: </${name}> closes a tag that was never opened`;
    if (last.name !== name)
      return `line ${lineAt(content, rest)}: </${name}> closes <${last.name}> opened at line ${lineAt(content, last.offset)}`;
  }
  const unclosed = open.pop();
  if (unclosed) return `line ${lineAt(content, unclosed.offset)}: <${unclosed.name}> is never closed`;
  return null;
}
