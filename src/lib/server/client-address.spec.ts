import { describe, expect, it } from 'vitest';
import { clientAddressHeaders } from './client-address';

describe('clientAddressHeaders', () => {
	it("names the person's address with the forwarding key", () => {
		expect(clientAddressHeaders('203.0.113.9', 'key')).toEqual({
			'sb-forwarded-for': '203.0.113.9',
			'x-sb-forwarding-key': 'key'
		});
	});

	it('sends nothing without a key or without an address', () => {
		expect(clientAddressHeaders('203.0.113.9', undefined)).toEqual({});
		expect(clientAddressHeaders(null, 'key')).toEqual({});
	});
});
