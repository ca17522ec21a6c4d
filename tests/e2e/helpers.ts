import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	await page.getByLabel(/adresse e-mail|e-mail address/i).fill(email);
	await page.getByLabel(/^mot de passe$|^password$/i).fill(password);
	await page.getByRole('button', { name: /se connecter|sign in/i }).click();
	await expect(page).not.toHaveURL(/\/login/, { timeout: 15_000 });
}
