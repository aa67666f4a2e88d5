/** A strict little RFC 5545 reader for tests: unfolds, checks BEGIN/END nesting, splits params. */

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcsComponent {
  name: string;
  properties: IcsProperty[];
  children: IcsComponent[];
  prop(name: string): IcsProperty | undefined;
}

function component(name: string): IcsComponent {
  const c: IcsComponent = {
    name,
    properties: [],
    children: [],
    prop: (n) => c.properties.find((p) => p.name === n),
  };
  return c;
}

function parseLine(line: string): IcsProperty {
  const colon = line.indexOf(':');
  if (colon < 0) throw new Error(`no colon in content line: ${line}`);
  const [name, ...paramParts] = line.slice(0, colon).split(';');
  const params: Record<string, string> = {};
  for (const part of paramParts) {
    const [k, v] = part.split('=');
    if (!k || v === undefined) throw new Error(`bad parameter in: ${line}`);
    params[k] = v;
  }
  if (!name || !/^[A-Z][A-Z0-9-]*$/.test(name)) throw new Error(`bad property name in: ${line}`);
  return { name, params, value: line.slice(colon + 1) };
}

export function parseIcs(raw: string): IcsComponent {
  if (!raw.endsWith('\r\n')) throw new Error('the file must end with CRLF');
  if (/[^\r]\n|\r[^\n]/.test(raw)) throw new Error('a line ending is not CRLF');
  const lines = raw
    .slice(0, -2)
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n');
  const stack: IcsComponent[] = [];
  let root: IcsComponent | undefined;
  for (const line of lines) {
    const prop = parseLine(line);
    if (prop.name === 'BEGIN') {
      const c = component(prop.value);
      stack.at(-1)?.children.push(c);
      stack.push(c);
      root ??= c;
    } else if (prop.name === 'END') {
      const open = stack.pop();
      if (open?.name !== prop.value) throw new Error(`END:${prop.value} closes ${open?.name ?? 'nothing'}`);
    } else {
      const current = stack.at(-1);
      if (!current) throw new Error(`property outside any component: ${line}`);
      current.properties.push(prop);
    }
  }
  if (stack.length > 0 || !root) throw new Error('unclosed components');
  if (lines.filter((l) => l === `END:${root.name}`).length !== 1) throw new Error('more than one root');
  return root;
}

/** Reads a TEXT value back; an unescaped comma or semicolon, or a stray backslash, is an error. */
export function unescapeText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (c === ',' || c === ';') throw new Error(`unescaped "${c}" in TEXT value: ${value}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = value[++i];
    if (next === 'n' || next === 'N') out += '\n';
    else if (next === '\\' || next === ',' || next === ';') out += next;
    else throw new Error(`bad escape "\\${next ?? ''}" in TEXT value: ${value}`);
  }
  return out;
}
