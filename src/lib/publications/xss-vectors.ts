/**
 * XSS vectors from the OWASP XSS Filter Evasion Cheat Sheet (and its usual companions), put into a
 * publication's title, summary and body. Shared by the sanitiser's unit tests, the feed tests and
 * the browser test of the publication page, so every layer proves the same list. A vector that
 * works sets `window.__xss` or opens a dialog; none may.
 */
export const xssVectors: readonly string[] = [
	`<script>window.__xss=1</script>`,
	`<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>`,
	`<IMG SRC="javascript:window.__xss=1;">`,
	`<IMG SRC=javascript:window.__xss=1>`,
	`<IMG SRC=JaVaScRiPt:window.__xss=1>`,
	'<IMG SRC=`javascript:window.__xss=1`>',
	`<a onmouseover="window.__xss=1">xxs link</a>`,
	`<IMG """><SCRIPT>window.__xss=1</SCRIPT>">`,
	`<IMG SRC=/ onerror="window.__xss=1"></img>`,
	`<img src=x onerror=window.__xss=1>`,
	`<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
	`<IMG SRC="jav&#x09;ascript:window.__xss=1;">`,
	`<IMG SRC=" &#14;  javascript:window.__xss=1;">`,
	`<SCRIPT/XSS SRC="https://xss.example/xss.js"></SCRIPT>`,
	`<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^\`=window.__xss=1>`,
	`<<SCRIPT>window.__xss=1;//\\<</SCRIPT>`,
	`<SCRIPT SRC=//xss.example/.j>`,
	`<iframe src=javascript:window.__xss=1 <`,
	`</TITLE><SCRIPT>window.__xss=1;</SCRIPT>`,
	`<INPUT TYPE="IMAGE" SRC="javascript:window.__xss=1;">`,
	`<BODY BACKGROUND="javascript:window.__xss=1">`,
	`<svg/onload=window.__xss=1>`,
	`<svg><script>window.__xss=1</script></svg>`,
	`<STYLE>li {list-style-image: url("javascript:window.__xss=1");}</STYLE><UL><LI>XSS</br>`,
	`<DIV STYLE="background-image: url(javascript:window.__xss=1)">`,
	`<DIV STYLE="width: expression(window.__xss=1);">`,
	`<LINK REL="stylesheet" HREF="javascript:window.__xss=1;">`,
	`<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:window.__xss=1;">`,
	`<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">`,
	`<TABLE BACKGROUND="javascript:window.__xss=1">`,
	`<OBJECT TYPE="text/x-scriptlet" DATA="https://xss.example/scriptlet.html"></OBJECT>`,
	`<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
	`<FRAMESET><FRAME SRC="javascript:window.__xss=1;"></FRAMESET>`,
	`<BASE HREF="javascript:window.__xss=1;//">`,
	`<form><button formaction=javascript:window.__xss=1>X</button></form>`,
	`<details open ontoggle=window.__xss=1>`,
	`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>`,
	`<a href="vbscript:msgbox(1)">vb</a>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>`,
	`<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">`,
	`[markdown link](javascript:window.__xss=1)`,
	`[markdown data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
	`![markdown image](javascript:window.__xss=1)`,
	`<https://ok.example/"onmouseover="window.__xss=1>`
];

const FORBIDDEN_TAGS = new Set([
	'SCRIPT',
	'STYLE',
	'IFRAME',
	'FRAME',
	'FRAMESET',
	'OBJECT',
	'EMBED',
	'BASE',
	'META',
	'LINK',
	'FORM',
	'INPUT',
	'BUTTON',
	'SVG',
	'MATH',
	'TEMPLATE',
	'NOSCRIPT'
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'background', 'xlink:href', 'poster']);
const SAFE_URL = /^(?:https?:|mailto:|\/(?!\/)|#|\.{0,2}\/)/i;

/**
 * What is unsafe in a piece of HTML, judged on its parsed tree (not on the text, where an escaped
 * `&lt;script&gt;` is harmless): forbidden elements, event handlers, style attributes and URLs with
 * any scheme but http(s)/mailto. `root` is the parsed fragment (a DOM the caller provides: the
 * browser's, or jsdom's in unit tests). Empty when safe.
 */
export function unsafeParts(root: Element): string[] {
	const found: string[] = [];
	for (const element of root.querySelectorAll('*')) {
		const tag = element.tagName.toUpperCase();
		if (FORBIDDEN_TAGS.has(tag)) found.push(`<${tag.toLowerCase()}>`);
		for (const attribute of element.attributes) {
			const name = attribute.name.toLowerCase();
			if (name.startsWith('on')) found.push(`${tag.toLowerCase()}[${name}]`);
			if (name === 'style') found.push(`${tag.toLowerCase()}[style]`);
			if (URL_ATTRIBUTES.has(name) && !SAFE_URL.test(attribute.value.trim()))
				found.push(`${tag.toLowerCase()}[${name}=${attribute.value}]`);
		}
	}
	return found;
}
