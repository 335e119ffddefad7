/// <reference lib="dom" />
import { el } from './dom.js';

/** An entity's type badge, name, other names and roles: the head of every entity row. */
export function entityLabel(e: {
  type: string;
  name: string;
  aliases: string[];
  roles: string[];
}): Array<HTMLElement | string> {
  const aliases = e.aliases.filter((a) => a !== e.name);
  return [
    el('span', { class: `etype etype-${e.type}` }, e.type),
    el('strong', {}, e.name),
    aliases.length ? el('span', { class: 'muted' }, ` also “${aliases.join('”, “')}”`) : '',
    e.roles.length ? el('span', { class: 'muted' }, ` · ${e.roles.join(', ')}`) : '',
  ];
}
