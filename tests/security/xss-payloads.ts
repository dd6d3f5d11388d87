import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * The HTML payloads of issue 13 and classic mutation-XSS cases (from DOMPurify's and Cure53's
 * suites). Each ran script, restyled the page or posted a form in a report or the workbench
 * before the allow-list sanitizer.
 */
export const XSS_PAYLOADS = [
  `<noscript><p title="</noscript><img src=x onerror=document.title='PWNED'>"></noscript>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=document.title='PWNED'>`,
  `<svg><a><animate attributeName="href" values="javascript:document.title='PWNED'"/><text x="20" y="20">click</text></a></svg>`,
  `<svg><a><set attributeName="href" to="javascript:document.title='PWNED'"/><text y="20">click</text></a></svg>`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror=document.title='PWNED'>`,
  `<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=document.title='PWNED'>"></style></h1>`,
  `<svg></p><style><a id="</style><img src=1 onerror=document.title='PWNED'>">`,
  `<svg><p><style><img src=x onerror=document.title='PWNED'></style></p></svg>`,
  `<img src=x onerror=document.title='PWNED'>`,
  `<a href=" &#x6A;avascript:document.title='PWNED'">x</a>`,
  `<iframe srcdoc="<script>parent.document.title='PWNED'</script>"></iframe>`,
  `<object data="javascript:document.title='PWNED'"></object>`,
  `<svg><script>document.title='PWNED'</script></svg>`,
  `<details open ontoggle=document.title='PWNED'>`,
  `<form action="javascript:document.title='PWNED'"><input name=token><button>go</button></form>`,
  `<style>body{display:none}</style><p>restyled</p>`,
  `<base href="javascript:/"><a href="x">x</a>`,
  `<meta http-equiv="refresh" content="0;url=javascript:document.title='PWNED'">`,
];

const ACTIVE = new Set(['script', 'style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'animate', 'animatemotion', 'animatetransform', 'set', 'noscript']);
const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'values', 'to', 'from', 'by', 'srcdoc']);

/**
 * What in an HTML fragment could run, restyle or post, as a browser (scripting on) reads it —
 * read twice, since mutation XSS appears only when serialized markup is parsed again. Empty is safe.
 *
 * @example
 * activeParts('<img src=x onerror=alert(1)>'); // → ['img[onerror]']
 */
export function activeParts(html: string): string[] {
  const once = parse(html);
  return [...scan(once), ...scan(parse(once.innerHTML))];
}

function parse(html: string): Element {
  const { document } = new JSDOM(`<!doctype html><body><div id="r">${html}</div></body>`, { runScripts: 'outside-only', virtualConsole: new VirtualConsole() }).window;
  return document.getElementById('r')!;
}

function scan(root: Element): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName.toLowerCase();
    if (ACTIVE.has(tag)) found.push(tag);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      // eslint-disable-next-line no-control-regex -- browsers drop control characters inside URLs, so must the check
      const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      else if (URL_ATTRS.has(name) && /^(javascript|vbscript|data:text\/html)/.test(value)) found.push(`${tag}[${name}=${value}]`);
    }
  }
  return found;
}
