import { randomBytes, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { xlsxOf } from '../../src/lib/import/testing/files.ts';
import { createMember, testClient } from '../support/supabase.ts';

// A regional secretariat imports its Excel sheet: three rows are refused because one column is not
// recognised, the errors say which rows and why, mapping that column fixes them, the commit writes
// them all, and the projects are then found in the project list.

const token = `zqe${randomUUID().slice(0, 8)}`;
const email = `import-e2e-${token}@example.test`;
const password = randomBytes(12).toString('base64url');
let userId: string | undefined;
const service = () => testClient({ key: 'service' });

test.beforeAll(async () => {
	userId = await createMember(service(), { email, password, role: 'secretariat', region: '05' });
});

test.afterAll(async () => {
	await service().from('projects').delete().like('name', `%${token}%`);
	if (userId) await service().auth.admin.deleteUser(userId);
});

test('a secretariat imports an Excel sheet, fixes the column mapping and finds its projects', async ({
	page
}) => {
	const sheet = await xlsxOf([
		['Nombre del proyecto', 'Servicio', 'Etapa', 'Estado', 'Monto', 'Territorio', 'Latitud', 'Longitud'],
		[
			`Muelle Caleta Portales ${token}`,
			'DOP',
			'Ejecución',
			'En curso',
			850_000_000,
			'',
			-33.0275,
			-71.5953
		],
		[
			`Colector aguas lluvia Viña ${token}`,
			'DOH',
			'Diseño',
			'Planificado',
			'1.200.000.000',
			'',
			-33.0245,
			-71.5518
		],
		[`APR Lo Orozco ${token}`, 'SSR', 'Perfil', 'Planificado', 95_000_000, 'Quilpué', null, null],
		[
			`Reposición ruta F-50 ${token}`,
			'Vialidad',
			'Ejecución',
			'Paralizado',
			3_400_000_000,
			'Villa Alemana',
			null,
			null
		],
		[
			`Retén Casablanca ${token}`,
			'Dirección de Arquitectura',
			'Diseño',
			'En curso',
			410_000_000,
			'Casablanca',
			null,
			null
		]
	]);

	await page.goto('/login?redirectTo=%2Fimportar');
	await page.getByLabel('Correo').fill(email);
	await page.getByLabel('Contraseña').fill(password);
	await page.getByRole('button', { name: /Ingresar/ }).click();
	await expect(page).toHaveURL(/\/importar$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importar proyectos');

	await page.getByLabel('Archivo').setInputFiles({
		name: 'cartera-valparaiso.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from(sheet)
	});
	await page.getByRole('button', { name: 'Revisar archivo' }).click();

	await expect(page.getByTestId('import-counts')).toHaveText(
		'2 nuevos · 0 actualizados (por código BIP) · 0 sin cambios · 3 rechazados'
	);
	const errors = page.getByTestId('import-errors').locator('tbody tr');
	await expect(errors).toHaveText([
		/^4.*fila 4: no tiene geometría, coordenadas ni comuna\.$/,
		/^5.*fila 5: no tiene geometría, coordenadas ni comuna\.$/,
		/^6.*fila 6: no tiene geometría, coordenadas ni comuna\.$/
	]);
	expect(await service().from('projects').select('id').like('name', `%${token}%`)).toMatchObject({
		data: []
	});

	await page.getByLabel('Comuna(s)').selectOption('Territorio');
	await page.getByRole('button', { name: 'Aplicar columnas y revisar de nuevo' }).click();
	await expect(page.getByTestId('import-counts')).toHaveText(
		'5 nuevos · 0 actualizados (por código BIP) · 0 sin cambios · 0 rechazados'
	);
	await expect(page.getByText('Sin errores.')).toBeVisible();

	await page.getByTestId('import-commit').click();
	await expect(page.getByTestId('import-committed')).toHaveText(
		'Importación completada: 5 nuevos, 0 actualizados, 0 sin cambios.'
	);

	await page.goto(`/proyectos?q=${token}`);
	await expect(page.getByTestId('projects-count')).toHaveText('5 proyectos');
	await expect(page.getByTestId('projects-table')).toContainText(`Retén Casablanca ${token}`);
});
