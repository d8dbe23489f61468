import DOMPurify from 'isomorphic-dompurify';
import { Marked } from 'marked';

/**
 * The one way a publication's Markdown becomes HTML: the server's page, the live preview in the
 * compose form and the RSS/Atom feeds all call `renderMarkdown`, so what the author previews is
 * what readers and feed readers get. `marked` parses (raw HTML included, as Markdown allows);
 * DOMPurify (isomorphic: jsdom on the server, the browser's DOM in the preview) removes scripts,
 * event handlers, styles, frames, forms and every URL that is not http(s), mailto or on this site.
 */
const markdown = new Marked({ gfm: true, breaks: false, async: false });

// Only these schemes survive in href/src; anything else (javascript:, data:, vbscript:, file:, …)
// is dropped by DOMPurify. Relative links (/, #, ./) stay.
const SAFE_URL = /^(?:https?:|mailto:|\/(?!\/)|#|\.{0,2}\/)/i;

const PURIFY_CONFIG = {
	USE_PROFILES: { html: true },
	FORBID_TAGS: [
		'style',
		'form',
		'input',
		'button',
		'textarea',
		'select',
		'option',
		'iframe',
		'frame',
		'frameset',
		'object',
		'embed',
		'base',
		'meta',
		'link',
		'svg',
		'math',
		'template'
	],
	FORBID_ATTR: ['style', 'srcset', 'formaction', 'action', 'background', 'ping'],
	ALLOWED_URI_REGEXP: SAFE_URL,
	ALLOW_DATA_ATTR: false
};

let hooked = false;

function purifier() {
	if (!hooked) {
		// Links leave the site without handing it the opener or the page's address.
		DOMPurify.addHook('afterSanitizeAttributes', (node) => {
			if (node.tagName === 'A' && node.getAttribute('href')) {
				node.setAttribute('rel', 'noopener noreferrer nofollow');
			}
		});
		hooked = true;
	}
	return DOMPurify;
}

/** Safe HTML for untrusted HTML (what `marked` produced, or anything else). */
export function sanitizeHtml(html: string): string {
	return purifier().sanitize(html, PURIFY_CONFIG);
}

/** A publication body (Markdown, untrusted) as safe HTML. */
export function renderMarkdown(source: string | null | undefined): string {
	if (!source) return '';
	return sanitizeHtml(markdown.parse(source) as string);
}

/** Untrusted text with every tag removed, for places that take plain text but where a consumer
 * might still read HTML (the title and summary of a feed item). Pages show text through Svelte,
 * which escapes it, and need not call this. */
export function plainText(source: string | null | undefined): string {
	if (!source) return '';
	return purifier()
		.sanitize(source, { ALLOWED_TAGS: ['#text'], KEEP_CONTENT: true })
		.trim();
}
