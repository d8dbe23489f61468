import { plainText, renderMarkdown } from '$lib/publications/render';

/**
 * Markdown as plain paragraphs, one per block (paragraph, list item, heading, table row), for
 * documents that have paragraphs of their own (the .docx report). Rendered and sanitised by the
 * one sanitiser (`$lib/publications/render`), then stripped of every tag.
 */
export function markdownParagraphs(source: string | null | undefined): string[] {
	const html = renderMarkdown(source)
		.replace(/<\/(p|li|h[1-6]|tr|blockquote|pre)>/g, '\n')
		.replace(/<br\s*\/?>/g, '\n');
	return decodeEntities(plainText(html))
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
