import DOMPurify from 'isomorphic-dompurify';
import { marked } from 'marked';

/**
 * Markdown that people write (PMG evaluation texts) as HTML that is safe to put in a page: marked
 * renders it, DOMPurify removes scripts, event handlers, `javascript:` links and every tag outside
 * a small reading vocabulary. Raw HTML in the source is escaped by the allow-list, not trusted.
 */
const ALLOWED_TAGS = [
	'p',
	'br',
	'strong',
	'em',
	'del',
	'code',
	'pre',
	'blockquote',
	'ul',
	'ol',
	'li',
	'a',
	'h3',
	'h4',
	'h5',
	'h6',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td',
	'hr'
];
const ALLOWED_ATTR = ['href', 'title'];

export function renderMarkdown(source: string | null | undefined): string {
	if (!source) return '';
	const html = marked.parse(source, { async: false, gfm: true, breaks: false });
	return DOMPurify.sanitize(html, {
		ALLOWED_TAGS,
		ALLOWED_ATTR,
		ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/(?!\/)|#)/i
	});
}

/** Plain text of Markdown (for the .docx, which has its own paragraphs): tags out, entities decoded. */
export function markdownParagraphs(source: string | null | undefined): string[] {
	if (!source) return [];
	const html = renderMarkdown(source);
	const text = DOMPurify.sanitize(
		html.replace(/<\/(p|li|h[3-6]|tr|blockquote)>/g, '\n').replace(/<br\s*\/?>/g, '\n'),
		{
			ALLOWED_TAGS: [],
			KEEP_CONTENT: true
		}
	);
	return decodeEntities(text)
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line.length > 0);
}

function decodeEntities(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&');
}
