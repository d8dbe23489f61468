import { mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Pager from './Pager.svelte';

let target: HTMLElement;
beforeEach(() => {
	target = document.createElement('div');
	document.body.append(target);
});
afterEach(() => target.remove());

const href = (page: number) => `/convenios?q=puente&pagina=${page}`;
const links = () =>
	[...target.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.rel]);

describe('Pager', () => {
	it('is absent when everything fits on one page', async () => {
		const component = mount(Pager, { target, props: { page: 1, pages: 1, href } });
		expect(target.querySelector('nav')).toBeNull();
		await unmount(component);
	});

	it('offers only the next page on the first, both in the middle, only the previous on the last', async () => {
		let component = mount(Pager, { target, props: { page: 1, pages: 3, href } });
		expect(target.querySelector('nav')!.getAttribute('aria-label')).toBe('Páginas');
		expect(target.querySelector('span')!.textContent).toBe('Página 1 de 3');
		expect(links()).toEqual([['Siguiente →', '/convenios?q=puente&pagina=2', 'next']]);
		await unmount(component);

		component = mount(Pager, { target, props: { page: 2, pages: 3, href } });
		expect(links()).toEqual([
			['← Anterior', '/convenios?q=puente&pagina=1', 'prev'],
			['Siguiente →', '/convenios?q=puente&pagina=3', 'next']
		]);
		await unmount(component);

		component = mount(Pager, { target, props: { page: 3, pages: 3, href } });
		expect(links()).toEqual([['← Anterior', '/convenios?q=puente&pagina=2', 'prev']]);
		await unmount(component);
	});
});
